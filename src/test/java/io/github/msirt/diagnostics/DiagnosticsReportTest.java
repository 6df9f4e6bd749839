package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.msirt.SharedData;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Calibrator;
import io.github.msirt.tune.TuningOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsReportTest {

  @Test
  void perfectPredictionsAreWorthNPlusNAndBeatTheirPlacebo(@TempDir Path out)
      throws Exception {
    Path folder = Path.of("testdata/simulated");
    ResponseMatrix observed = SharedData.readMatrix(folder.resolve("observed.csv"));
    MixedSubjectsData data = MixedSubjectsData.of(observed, observed,
        SharedData.readMatrix(folder.resolve("generated.csv")));
    CalibrationSettings settings = CalibrationSettings.defaults();
    TuningOptions ppi = new TuningOptions(TuningOptions.Tuner.PPI, TuningOptions.Search.GRID,
        TuningOptions.DEFAULT_GRID, 2, null, 1L, null);
    CalibrationOutcome outcome = new Calibrator(settings).tune(data, ppi);

    DiagnosticsReport.write(outcome, data, settings, DiagnosticOptions.defaults(), out);
    JsonNode json = new ObjectMapper().readTree(out.resolve("diagnostics.json").toFile());

    assertEquals(0.75, json.path("lambda").path("chosen").asDouble(), 1e-12);
    assertEquals(0.75, json.path("placebo_lambda").path("ppi_rule").path("real").asDouble(),
        1e-12);
    assertTrue(json.path("placebo_lambda").path("ppi_rule").path("placebo_max").asDouble()
        < 0.2, json.path("placebo_lambda").toString());
    assertEquals(1.0, json.path("ppi_correlation").path("overall").asDouble(), 1e-12);
    assertEquals(800.0, json.path("effective_n").path("by_ppi_correlation").asDouble(), 1e-6);
    assertEquals(1.0, json.path("item_agreement").path("overall_agreement").asDouble());
    for (JsonNode warning : json.path("warnings")) {
      assertTrue(!warning.asText().contains("placebo"), warning.asText());
    }
    assertTrue(out.resolve("report.html").toFile().length() > 10_000);
  }
}
