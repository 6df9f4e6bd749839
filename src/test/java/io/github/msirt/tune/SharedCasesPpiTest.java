package io.github.msirt.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.msirt.SharedData;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.Covariance;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import io.github.msirt.estimate.SandwichCovariance;
import io.github.msirt.model.ResponseMatrix;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PPI++ cases among the shared users' cases (17 and 18). */
class SharedCasesPpiTest {
  private static final Path CASE17 =
      SharedData.path("cases/17-ppi-adversarial-predictions-lambda");
  private static final Path CASE18 = SharedData.path("cases/18-ppi-oracle-lambda-n-over-N");

  // The case's yardstick is an independent marginal-likelihood implementation; the README
  // asks for agreement to about 1e-2.
  @ParameterizedTest(name = "{0}")
  @CsvSource({"noise, -0.0007", "anti, 0.141", "agree85, 0.384"})
  void ownPosteriorRuleReproducesTheUnclippedLambdasOfCase17(String pair, double expected) {
    CalibrationSettings settings = CalibrationSettings.builder().ppiOwnPosteriors(true).build();
    ResponseMatrix observed = SharedData.readMatrix(CASE17.resolve("observed.csv"));
    ResponseMatrix predicted =
        SharedData.readMatrix(CASE17.resolve("predicted_" + pair + ".csv"));
    ResponseMatrix generated =
        SharedData.readMatrix(CASE17.resolve("generated_" + pair + ".csv"));
    MixedFit human = new MixedSubjectsEstimator(settings).fitHumanOnly(observed);
    PpiTraceRule.Result result = PpiTraceRule.compute(observed, predicted,
        human.parameters(), generated.rowCount(), settings);
    assertEquals(expected, result.unclipped(), 0.01);
    assertEquals(Math.max(0, Math.min(1, result.unclipped())), result.lambda());
  }

  @Test
  void noisePredictionsKeepExactlyTheHumanOnlyEstimates() {
    ResponseMatrix observed = SharedData.readMatrix(CASE17.resolve("observed.csv"));
    MixedSubjectsData data = MixedSubjectsData.of(observed,
        SharedData.readMatrix(CASE17.resolve("predicted_noise.csv")),
        SharedData.readMatrix(CASE17.resolve("generated_noise.csv")));
    Calibrator calibrator = new Calibrator(CalibrationSettings.defaults());
    CalibrationOutcome tuned = calibrator.tune(data, new TuningOptions(
        TuningOptions.Tuner.PPI, TuningOptions.Search.OPTIMIZE, TuningOptions.DEFAULT_GRID, 2,
        null, 1, null));
    MixedFit human = new MixedSubjectsEstimator(CalibrationSettings.defaults())
        .fitHumanOnly(observed);
    assertEquals(0.0, tuned.lambda());
    double[] expected = human.parameters().toVector();
    double[] actual = tuned.fit().parameters().toVector();
    for (int u = 0; u < expected.length; u++) {
      assertEquals(expected[u], actual[u], 0.0);
    }
    // README: human-only log-likelihood -1413.2407
    assertEquals(-1413.2407, -human.objective() * human.observedRespondents(), 1e-3);
  }

  @Test
  void perfectPredictionsWithTenfoldCopiesGiveNOverNPlusNAndShrinkErrors() {
    ResponseMatrix observed = SharedData.readMatrix(CASE18.resolve("observed.csv"));
    MixedSubjectsData data = MixedSubjectsData.of(observed,
        SharedData.readMatrix(CASE18.resolve("predicted.csv")),
        SharedData.readMatrix(CASE18.resolve("generated.csv")));
    CalibrationSettings settings = CalibrationSettings.defaults();
    Calibrator calibrator = new Calibrator(settings);
    CalibrationOutcome tuned = calibrator.tune(data, new TuningOptions(
        TuningOptions.Tuner.PPI, TuningOptions.Search.OPTIMIZE, TuningOptions.DEFAULT_GRID, 2,
        null, 1, null));
    assertEquals(1500.0 / 1650.0, tuned.lambda(), 1e-9);

    // Point estimates equal the human-only fit, errors shrink by sqrt(n / (n + N))
    CalibrationOutcome human = calibrator.calibrate(MixedSubjectsData.humanOnly(observed), 0);
    double[] humanErrors = human.covariance().standardErrors();
    Covariance covariance = SandwichCovariance.louis(tuned.fit(), data, settings);
    double[] errors = covariance.standardErrors();
    double[] expected = human.fit().parameters().toVector();
    double[] actual = tuned.fit().parameters().toVector();
    for (int u = 0; u < errors.length; u++) {
      assertEquals(expected[u], actual[u], 1e-6);
      assertEquals(Math.sqrt(150.0 / 1650.0), errors[u] / humanErrors[u], 1e-3);
    }
    assertEquals(-671.1313, -human.fit().objective() * 150, 1e-3);
  }
}
