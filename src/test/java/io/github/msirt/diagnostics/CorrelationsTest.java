package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationsTest {

  @Test
  void pearsonMatchesTheHandComputedValue() {
    // deviations (-1, 0, 1) and (-7/3, -1/3, 8/3): 5 / sqrt(2 * 114/9)
    double expected = 5 / Math.sqrt(2 * 114.0 / 9);

    assertEquals(expected, Correlations.pearson(new double[] {1, 2, 3},
        new double[] {2, 4, 7}), 1e-15);
  }

  @Test
  void traceCorrelationPoolsCovariancesAndVariancesOverColumns() {
    double[][] first = {{1, 0}, {2, 0}, {3, 3}};
    double[][] second = {{3, 0}, {2, 0}, {1, 3}};

    // cross products -2 and 6, sums of squares 2 + 6 on both sides: 4 / 8
    assertEquals(0.5, Correlations.trace(first, second, new int[] {0, 1}, null), 1e-15);
    assertEquals(-1.0, Correlations.trace(first, second, new int[] {0}, null), 1e-15);
  }

  @Test
  void excludedRowsDoNotEnter() {
    double[][] first = {{1}, {2}, {3}, {100}};
    double[][] second = {{1}, {2}, {3}, {-100}};

    assertEquals(1.0, Correlations.trace(first, second, new int[] {0},
        new boolean[] {true, true, true, false}), 1e-15);
  }

  @Test
  void constantColumnGivesNaN() {
    assertTrue(Double.isNaN(Correlations.pearson(new double[] {1, 1, 1},
        new double[] {1, 2, 3})));
  }
}
