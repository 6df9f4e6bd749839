package io.github.msirt.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.msirt.OracleCase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OracleCovarianceTest {
  private static final CalibrationSettings SETTINGS = CalibrationSettings.defaults();
  private static final MixedSubjectsEstimator ESTIMATOR = new MixedSubjectsEstimator(SETTINGS);

  static List<String> completeCases() {
    return List.of("case01", "case02", "case03", "case07");
  }

  private static MixedFit fitAt(OracleCase oracle, double lambda) {
    MixedFit human = ESTIMATOR.fitHumanOnly(oracle.observed());
    return ESTIMATOR.fit(oracle.data(), lambda, human.parameters(), "fit lambda=" + lambda);
  }

  @ParameterizedTest
  @MethodSource("completeCases")
  void louisSandwichStandardErrorsMatchReference(String name) {
    OracleCase oracle = OracleCase.load(name);
    for (String lambda : new String[] {"0", "0.5", "1"}) {
      MixedFit fit = fitAt(oracle, Double.parseDouble(lambda));
      Covariance covariance = SandwichCovariance.louis(fit, oracle.data(), SETTINGS);
      double[] reference = OracleCase.vector(oracle.call("vcov_lambda_" + lambda).path("se"));
      assertRelative(reference, covariance.standardErrors(), 0.02, name + " lambda " + lambda);
    }
  }

  @ParameterizedTest
  @MethodSource("completeCases")
  void completeDataBreadMatchesReferenceAndUnderstatesErrors(String name) {
    OracleCase oracle = OracleCase.load(name);
    MixedFit fit = fitAt(oracle, 0.5);
    Covariance em = SandwichCovariance.completeDataBread(fit, oracle.data(), SETTINGS);
    Covariance louis = SandwichCovariance.louis(fit, oracle.data(), SETTINGS);
    double[] reference = OracleCase.vector(oracle.call("vcov_em_lambda_0.5").path("se"));
    assertRelative(reference, em.standardErrors(), 0.02, name + " EM bread");
    assertTrue(Matrices.maxAbs(em.standardErrors()) < Matrices.maxAbs(louis.standardErrors()));
  }

  @ParameterizedTest
  @MethodSource("completeCases")
  void breadAndMeatAtReferenceParametersMatchReference(String name) {
    OracleCase oracle = OracleCase.load(name);
    JsonNode call = oracle.call("mml_lambda_0.5");
    MixedEvaluation at = ESTIMATOR.evaluate(oracle.data(), 0.5,
        oracle.parameters(call).toVector(), "reference point");
    MixedFit fit = new MixedFit(at, 0, 1, true, "given", at.observed().respondents(),
        at.generated().respondents());
    Covariance covariance = SandwichCovariance.louis(fit, oracle.data(), SETTINGS);
    JsonNode vcov = oracle.call("vcov_lambda_0.5");
    assertMatrix(OracleCase.matrix(vcov.path("bread")), covariance.bread(), 1e-7);
    assertMatrix(OracleCase.matrix(vcov.path("meat")), covariance.meat(), 1e-10);
    assertMatrix(OracleCase.matrix(vcov.path("matrix")), covariance.matrix(), 1e-5);
  }

  @Test
  void missingCellsGiveABreadEqualToTheNumericalHessian() {
    OracleCase oracle = OracleCase.load("case06");
    MixedFit fit = fitAt(oracle, 0.5);
    double[] x = fit.parameters().toVector();
    double[][] analytic = fit.evaluation().hessian();
    double step = 1e-5;
    for (int u = 0; u < x.length; u++) {
      double[] up = x.clone();
      double[] down = x.clone();
      up[u] += step;
      down[u] -= step;
      double[] gradientUp = ESTIMATOR.evaluate(oracle.data(), 0.5, up, "fd").gradient();
      double[] gradientDown = ESTIMATOR.evaluate(oracle.data(), 0.5, down, "fd").gradient();
      for (int v = 0; v < x.length; v++) {
        // central differences: truncation ~h^2 and rounding ~1e-16/h, both below 1e-8
        assertEquals((gradientUp[v] - gradientDown[v]) / (2 * step), analytic[u][v], 1e-7);
      }
    }
  }

  @Test
  void missingCellsCaseKeepsReferencePointEstimates() {
    OracleCase oracle = OracleCase.load("case06");
    MixedFit fit = fitAt(oracle, 0.5);
    Covariance covariance = SandwichCovariance.louis(fit, oracle.data(), SETTINGS);
    double smallest = Matrices.smallestEigenvalue(covariance.bread());
    double[] reference = OracleCase.vector(oracle.call("vcov_lambda_0.5").path("se"));
    double[] ours = covariance.standardErrors();
    System.out.printf("case06 lambda 0.5: smallest bread eigenvalue %.5f%n", smallest);
    for (int u = 0; u < ours.length; u++) {
      System.out.printf("  %s SE ours %.4f reference %.4f%n",
          covariance.names().get(u), ours[u], reference[u]);
    }
    assertTrue(smallest > 0, "the exact bread is positive definite at the optimum");
  }

  static void assertRelative(double[] expected, double[] actual, double tolerance,
      String what) {
    for (int u = 0; u < expected.length; u++) {
      double relative = Math.abs(actual[u] - expected[u]) / Math.abs(expected[u]);
      assertTrue(relative <= tolerance, what + " entry " + u + ": expected " + expected[u]
          + " found " + actual[u] + " (relative " + relative + ")");
    }
  }

  static void assertMatrix(double[][] expected, double[][] actual, double tolerance) {
    for (int u = 0; u < expected.length; u++) {
      for (int v = 0; v < expected.length; v++) {
        double scale = Math.max(1.0, Math.abs(expected[u][v]));
        assertEquals(expected[u][v], actual[u][v], tolerance * scale, "entry " + u + "," + v);
      }
    }
  }
}
