package io.github.msirt.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.OracleCase;
import io.github.msirt.model.ItemParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OracleFitTest {
  private static final MixedSubjectsEstimator ESTIMATOR =
      new MixedSubjectsEstimator(CalibrationSettings.defaults());

  static java.util.List<String> cases() {
    return OracleCase.ALL;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void humanOnlyFitMatchesReference(String name) {
    OracleCase oracle = OracleCase.load(name);
    MixedFit fit = ESTIMATOR.fitHumanOnly(oracle.observed());
    ItemParameters reference = oracle.parameters(oracle.call("fit_2pl"));
    System.out.printf("%s fit_2pl objective ours %.12f reference %.12f passes %d%n", name,
        fit.objective(), oracle.call("fit_2pl").path("value").asDouble(), fit.passes());
    assertTrue(fit.converged());
    assertTrue(fit.objective() <= oracle.call("fit_2pl").path("value").asDouble() + 1e-12,
        "our optimiser stops at an objective no higher than the reference's");
    assertClose(reference, fit.parameters(), 2e-3);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void mixedFitsMatchReference(String name) {
    OracleCase oracle = OracleCase.load(name);
    MixedFit human = ESTIMATOR.fitHumanOnly(oracle.observed());
    for (String lambda : new String[] {"0", "0.5", "1"}) {
      MixedFit fit = ESTIMATOR.fit(oracle.data(), Double.parseDouble(lambda),
          human.parameters(), "fit lambda=" + lambda);
      var call = oracle.call("mml_lambda_" + lambda);
      System.out.printf("%s lambda %s objective ours %.12f reference %.12f passes %d%n",
          name, lambda, fit.objective(), call.path("value").asDouble(), fit.passes());
      assertTrue(fit.converged(), fit.reason());
      assertTrue(fit.objective() <= call.path("value").asDouble() + 1e-12,
          "our optimiser stops at an objective no higher than the reference's");
      assertClose(oracle.parameters(call), fit.parameters(), 2e-3);
    }
  }

  static void assertClose(ItemParameters expected, ItemParameters actual, double tolerance) {
    double[] e = expected.toVector();
    double[] a = actual.toVector();
    for (int u = 0; u < e.length; u++) {
      assertEquals(e[u], a[u], tolerance, expected.parameterNames().get(u));
    }
  }
}
