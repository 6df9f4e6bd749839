package io.github.msirt.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msirt.OracleCase;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OracleAbilityTest {
  private static final CalibrationSettings SETTINGS = CalibrationSettings.defaults();

  static List<String> cases() {
    return OracleCase.ALL;
  }

  private static ItemParameters referenceParameters(OracleCase oracle) {
    return oracle.parameters(oracle.call("mml_lambda_0.5"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresMatchReferenceWithinItsOptimiserTolerance(String name) {
    OracleCase oracle = OracleCase.load(name);
    AbilityScorer scorer = AbilityScorer.of(referenceParameters(oracle), SETTINGS);
    double[] reference = OracleCase.vector(oracle.call("score_theta").path("theta"));
    byte[] row = new byte[oracle.observed().itemCount()];
    for (int i = 0; i < reference.length; i++) {
      oracle.observed().copyRow(i, row);
      AbilityScore score = scorer.score(row);
      assertEquals(reference[i], score.theta(), 1e-4, "row " + (i + 1));
      if (score.status() == AbilityScore.Status.INTERIOR) {
        assertEquals(0.0, scorer.slope(row, score.theta()), 1e-10);
      } else {
        assertTrue(Double.isInfinite(score.standardError()));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void abilityGradientsMatchReferenceAtItsScores(String name) {
    OracleCase oracle = OracleCase.load(name);
    AbilityScorer scorer = AbilityScorer.of(referenceParameters(oracle), SETTINGS);
    double[] thetas = OracleCase.vector(oracle.call("score_theta").path("theta"));
    double[][] reference = OracleCase.matrix(oracle.call("ability_gradient").path("matrix"));
    byte[] row = new byte[oracle.observed().itemCount()];
    for (int i = 0; i < reference.length; i++) {
      oracle.observed().copyRow(i, row);
      double[] ours = scorer.gradientAt(row, thetas[i]);
      if (reference[i] == null) {
        continue;
      }
      for (int u = 0; u < ours.length; u++) {
        assertEquals(reference[i][u], ours[u], 1e-4 * Math.max(1, Math.abs(reference[i][u])),
            "row " + (i + 1) + " entry " + u);
      }
      if (scorer.score(row).status() != AbilityScore.Status.INTERIOR) {
        assertNull(scorer.gradient(row, scorer.score(row)),
            "a score at a bound has no gradient");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void abilityGradientsMatchFiniteDifferencesOfScores(String name) {
    OracleCase oracle = OracleCase.load(name);
    ItemParameters parameters = referenceParameters(oracle);
    double[] x = parameters.toVector();
    byte[] row = new byte[oracle.observed().itemCount()];
    for (int i = 0; i < 30; i++) {
      oracle.observed().copyRow(i, row);
      AbilityScorer scorer = AbilityScorer.of(parameters, SETTINGS);
      AbilityScore score = scorer.score(row);
      double[] analytic = scorer.gradient(row, score);
      if (analytic == null) {
        continue;
      }
      for (int u = 0; u < x.length; u++) {
        double step = 1e-6;
        double[] up = x.clone();
        double[] down = x.clone();
        up[u] += step;
        down[u] -= step;
        double numeric = (thetaAt(parameters, up, row) - thetaAt(parameters, down, row))
            / (2 * step);
        // scores are solved to 1e-13, so the difference quotient is good to ~1e-7
        assertEquals(numeric, analytic[u], 1e-6, "row " + (i + 1) + " entry " + u);
      }
    }
  }

  private static double thetaAt(ItemParameters like, double[] vector, byte[] row) {
    ItemParameters moved = ItemParameters.fromVector(like.items(), vector);
    return AbilityScorer.of(moved, SETTINGS).score(row).theta();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void abilityRiskMatchesReferenceWhenGivenItsScores(String name) {
    OracleCase oracle = OracleCase.load(name);
    if (oracle.hasMissingCells()) {
      return;
    }
    ItemParameters parameters = referenceParameters(oracle);
    double[][] sigma = OracleCase.matrix(oracle.call("vcov_lambda_0.5").path("matrix"));
    double[] referenceScores = referenceStyleScores(oracle, parameters);
    AbilityRisk reproduced =
        AbilityRisk.ofScores(oracle.observed(), parameters, sigma, referenceScores);
    JsonNode summary = oracle.call("ability_risk").path("summary");
    double reference = summary.path("mean_param_var").asDouble();
    assertEquals(reference, reproduced.risk(), 1e-4);

    AbilityRisk exact = AbilityRisk.of(oracle.observed(), parameters, sigma, SETTINGS);
    System.out.printf("%s ability risk: reference %.6f, reproduced %.6f, exact %.6f "
        + "(%s of %s rows at a bound left out)%n", name, reference, reproduced.risk(),
        exact.risk(), exact.excludedRespondents(), oracle.observed().rowCount());
    assertTrue(exact.risk() < reference);
  }

  // The reference's scores: interior optima, and at the bounds the point where its 1-D
  // optimiser stopped, which it reports for every all-wrong or all-correct row alike.
  private static double[] referenceStyleScores(OracleCase oracle, ItemParameters parameters) {
    double[] printed = OracleCase.vector(oracle.call("score_theta").path("theta"));
    // where the reference's optimiser stops on a monotone likelihood (case07 shows both)
    double lowStop = -5.99994457779675;
    double highStop = 5.9999452360364;
    for (double value : printed) {
      lowStop = value < -5.999 ? value : lowStop;
      highStop = value > 5.999 ? value : highStop;
    }
    AbilityScorer scorer = AbilityScorer.of(parameters, SETTINGS);
    ResponseMatrix observed = oracle.observed();
    double[] scores = new double[observed.rowCount()];
    byte[] row = new byte[observed.itemCount()];
    for (int i = 0; i < scores.length; i++) {
      observed.copyRow(i, row);
      AbilityScore score = scorer.score(row);
      switch (score.status()) {
        case LOWER_BOUND -> scores[i] = lowStop;
        case UPPER_BOUND -> scores[i] = highStop;
        default -> scores[i] = score.theta();
      }
    }
    return scores;
  }
}
