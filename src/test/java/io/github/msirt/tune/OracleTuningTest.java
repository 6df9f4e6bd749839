package io.github.msirt.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.OracleCase;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OracleTuningTest {
  private static final CalibrationSettings SETTINGS = CalibrationSettings.defaults();
  private static final MixedSubjectsEstimator ESTIMATOR = new MixedSubjectsEstimator(SETTINGS);
  private static final MixedSubjectsEstimator REFERENCE_STYLE = new MixedSubjectsEstimator(
      CalibrationSettings.builder().referenceScoring(true).build());
  private static final double[] GRID = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

  static List<String> cases() {
    return OracleCase.ALL;
  }

  static List<String> completeCases() {
    return List.of("case01", "case02", "case03", "case07");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void ppiTraceRuleMatchesReference(String name) {
    OracleCase oracle = OracleCase.load(name);
    MixedFit human = ESTIMATOR.fitHumanOnly(oracle.observed());
    PpiTraceRule.Result result = PpiTraceRule.compute(oracle.observed(), oracle.predicted(),
        human.parameters(), oracle.generated().rowCount(), SETTINGS);
    double reference = oracle.call("tune_lambda_ppi_score").path("lambda").asDouble();
    assertEquals(reference, result.lambda(), 0.01);
  }

  @Test
  void perfectPredictionsGiveThePpiLambdaNOverNPlusNExactly() {
    OracleCase oracle = OracleCase.load("case01");
    MixedFit human = ESTIMATOR.fitHumanOnly(oracle.observed());
    double n = oracle.observed().rowCount();
    double generated = oracle.generated().rowCount();
    PpiTraceRule.Result result = PpiTraceRule.compute(oracle.observed(), oracle.observed(),
        human.parameters(), generated, SETTINGS);
    assertEquals(generated / (n + generated), result.lambda(), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("completeCases")
  void abilityRiskTunersReproduceReferenceWithItsScoring(String name) {
    OracleCase oracle = OracleCase.load(name);
    AbilityRiskTuner tuner = new AbilityRiskTuner(REFERENCE_STYLE);
    AbilityRiskTuner.Result grid = tuner.grid(oracle.data(), oracle.observed(), GRID, "all");
    assertEquals(oracle.call("tune_ability_risk_grid").path("best_lambda").asDouble(),
        grid.best().lambda(), 1e-12, "best lambda on the grid");
    AbilityRiskTuner.Result search =
        tuner.search(oracle.data(), oracle.observed(), 0, 1, "all");
    assertEquals(oracle.call("tune_ability_risk_optimize").path("best_lambda").asDouble(),
        search.best().lambda(), 0.02, "1-D search lambda");
    CrossFitTuner.Result crossFit = new CrossFitTuner(REFERENCE_STYLE).tune(oracle.data(),
        oracle.folds(), (training, fold) ->
            tuner.search(training, training.observed(), 0, 1, fold));
    assertEquals(oracle.call("tune_ability_risk_crossfit").path("lambda_final").asDouble(),
        crossFit.lambda(), 0.02, "cross-fit lambda");
  }

  @Test
  void shuffledPredictionsGiveLambdaZeroWithExactScoring() {
    OracleCase oracle = OracleCase.load("case03");
    AbilityRiskTuner.Result grid = new AbilityRiskTuner(ESTIMATOR)
        .grid(oracle.data(), oracle.observed(), GRID, "all");
    assertEquals(0.0, grid.best().lambda());
  }

  @Test
  void perfectPredictionsPushLambdaTowardsItsMaximum() {
    OracleCase oracle = OracleCase.load("case01");
    AbilityRiskTuner.Result search = new AbilityRiskTuner(ESTIMATOR)
        .search(oracle.data(), oracle.observed(), 0, 1, "all");
    assertTrue(search.best().lambda() > 0.6, "lambda " + search.best().lambda());
    for (Candidate candidate : search.candidates()) {
      assertTrue(candidate.eligible());
    }
  }
}
