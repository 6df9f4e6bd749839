package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.SharedData;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Calibrator;
import io.github.msirt.tune.TuningOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportInBrowserTest {
  private static final Pattern SVG_ELEMENT =
      Pattern.compile("<svg[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</svg>", Pattern.DOTALL);

  @TempDir
  static Path folder;

  private static Path report;

  @BeforeAll
  static void writeReport() {
    Path data = Path.of("testdata/simulated");
    MixedSubjectsData simulated = MixedSubjectsData.of(
        SharedData.readMatrix(data.resolve("observed.csv")),
        SharedData.readMatrix(data.resolve("predicted.csv")),
        SharedData.readMatrix(data.resolve("generated.csv")));
    CalibrationSettings settings = CalibrationSettings.defaults();
    TuningOptions tuning = new TuningOptions(TuningOptions.Tuner.CROSSFIT,
        TuningOptions.Search.GRID, new double[] {0, 0.25, 0.5, 0.75, 1}, 2, null, 3L, null);
    CalibrationOutcome outcome = new Calibrator(settings).tune(simulated, tuning);
    DiagnosticsReport.write(outcome, simulated, settings,
        DiagnosticOptions.defaults().withTuning(tuning), folder.resolve("out"));
    report = folder.resolve("out").resolve(DiagnosticsReport.HTML_FILE);
  }

  @Test
  void reportLoadsInChromiumWithoutConsoleMessagesAndShowsEveryFigure() throws Exception {
    HeadlessChromium.Page page = HeadlessChromium.open(report, folder);

    assertEquals(0, page.exitCode(), "Chromium exit code");
    assertTrue(page.consoleMessages().isEmpty(), "console: " + page.consoleMessages());
    assertTrue(page.dom().contains("Mixed-subjects calibration diagnostics"), "page rendered");
    Matcher svg = SVG_ELEMENT.matcher(page.dom());
    Map<String, String> figures = new LinkedHashMap<>();
    while (svg.find()) {
      figures.put(svg.group(1), svg.group(2));
    }
    assertEquals(ReportFigures.IDS, List.copyOf(figures.keySet()), "figures");
    figures.forEach((id, body) -> assertTrue(body.contains("<path") && body.contains("<text"),
        id + " has drawn shapes and labels"));
  }

  @Test
  void reportNeedsNoNetwork() throws Exception {
    String html = Files.readString(report);

    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.contains("<link"), "no linked resources");
    assertFalse(html.contains("<img"), "no images to fetch");
    assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no remote addresses");
  }

  @Test
  void consoleCheckCatchesAPageThatLogsAnError(@TempDir Path scratch) throws Exception {
    Path broken = scratch.resolve("broken.html");
    Files.writeString(broken, "<!DOCTYPE html><html><body><p>x</p>"
        + "<script>console.error('deliberate failure'); missingFunction();</script>"
        + "</body></html>");

    HeadlessChromium.Page page = HeadlessChromium.open(broken, scratch);

    assertEquals(2, page.consoleMessages().size(), "console: " + page.consoleMessages());
    assertTrue(page.consoleMessages().get(0).contains("deliberate failure"));
    assertTrue(page.consoleMessages().get(1).contains("missingFunction is not defined"));
  }
}
