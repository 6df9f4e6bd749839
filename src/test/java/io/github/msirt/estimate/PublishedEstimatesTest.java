package io.github.msirt.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.msirt.OracleCase;
import io.github.msirt.SharedData;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import org.junit.jupiter.api.Test;

class PublishedEstimatesTest {
  private static final MixedSubjectsEstimator ESTIMATOR =
      new MixedSubjectsEstimator(CalibrationSettings.defaults());

  @Test
  void lsat7HumanOnlyFitMatchesPublishedEstimates() {
    ResponseMatrix lsat7 = SharedData.readMatrix(SharedData.path("data/lsat/lsat7.csv"));
    MixedFit fit = ESTIMATOR.fitHumanOnly(lsat7);
    double[] a = {0.988, 1.081, 1.706, 0.765, 0.736};
    double[] d = {1.856, 0.808, 1.804, 0.486, 1.855};
    for (int j = 0; j < 5; j++) {
      assertEquals(a[j], fit.parameters().discrimination(j), 2e-3, "a of item " + (j + 1));
      assertEquals(d[j], fit.parameters().intercept(j), 2e-3, "d of item " + (j + 1));
    }
  }

  @Test
  void lambdaZeroEqualsTheHumanOnlyFit() {
    OracleCase oracle = OracleCase.load("case02");
    MixedFit human = ESTIMATOR.fitHumanOnly(oracle.observed());
    ItemParameters start = MixedSubjectsEstimator.startingValues(oracle.observed());
    MixedFit mixed = ESTIMATOR.fit(oracle.data(), 0.0, start, "lambda 0 from scratch");
    double[] expected = human.parameters().toVector();
    double[] actual = mixed.parameters().toVector();
    for (int u = 0; u < expected.length; u++) {
      // both stop with gradients below 1e-9; the Hessian's smallest eigenvalue is ~0.02
      assertEquals(expected[u], actual[u], 1e-7);
    }
    assertEquals(human.objective(), mixed.objective(), 1e-13);
  }

  @Test
  void lambdaOutsideTheUnitIntervalIsRejected() {
    OracleCase oracle = OracleCase.load("case07");
    ItemParameters start = MixedSubjectsEstimator.startingValues(oracle.observed());
    assertThrows(IllegalArgumentException.class,
        () -> ESTIMATOR.fit(oracle.data(), 1.5, start, "bad"));
    assertThrows(IllegalArgumentException.class,
        () -> ESTIMATOR.fit(oracle.data(), Double.NaN, start, "bad"));
  }

  @Test
  void mismatchedObservedAndPredictedRowsAreRejected() {
    OracleCase oracle = OracleCase.load("case07");
    ResponseMatrix shorter = oracle.predicted().selectRows(new int[] {0, 1, 2});
    assertThrows(IllegalArgumentException.class,
        () -> MixedSubjectsData.of(oracle.observed(), shorter, oracle.generated()));
  }
}
