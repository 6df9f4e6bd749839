package io.github.msirt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.EStepStatistics;
import io.github.msirt.estimate.NodeTable;

/**
 * Compares two sets of E-step statistics by what their detail level holds: log-likelihood,
 * gradient, Louis Hessian and score covariance, each to a tolerance relative to its largest
 * entry.
 */
final class StatisticsAssertions {
  /** The tolerance of a distributed pass against an in-memory one. */
  static final double TOLERANCE = 1e-9;

  private StatisticsAssertions() {
  }

  /**
   * Asserts that the statistics agree and returns the largest relative difference found.
   *
   * @param expected the reference
   * @param actual the statistics under test
   * @param table the 2PL both were taken at
   * @param tolerance largest allowed difference relative to the largest expected entry
   * @param label what is compared, for failure messages
   * @return the largest relative difference over every compared quantity
   */
  static double assertSameStatistics(EStepStatistics expected, EStepStatistics actual,
      NodeTable table, double tolerance, String label) {
    assertEquals(expected.detail(), actual.detail(), label);
    assertEquals(expected.respondents(), actual.respondents(), 0.0, label + " respondents");
    assertEquals(expected.emptyRespondents(), actual.emptyRespondents(), 0.0,
        label + " empty respondents");
    double worst = check(new double[] {expected.logLikelihood()},
        new double[] {actual.logLikelihood()}, tolerance, label + " log-likelihood");
    if (expected.detail() == Detail.LIKELIHOOD) {
      return worst;
    }
    worst = Math.max(worst, check(expected.gradient(table), actual.gradient(table), tolerance,
        label + " gradient"));
    if (expected.detail() == Detail.HESSIAN) {
      worst = Math.max(worst, check(flat(expected.hessian(table)),
          flat(actual.hessian(table)), tolerance, label + " Louis Hessian"));
      worst = Math.max(worst, check(flat(expected.scoreCovariance()),
          flat(actual.scoreCovariance()), tolerance, label + " score covariance"));
    }
    return worst;
  }

  private static double check(double[] expected, double[] actual, double tolerance,
      String label) {
    assertEquals(expected.length, actual.length, label + " length");
    double scale = 0;
    for (double value : expected) {
      scale = Math.max(scale, Math.abs(value));
    }
    double worst = 0;
    for (int u = 0; u < expected.length; u++) {
      double difference = Math.abs(expected[u] - actual[u]) / Math.max(scale, Double.MIN_VALUE);
      assertTrue(difference <= tolerance, label + " entry " + u + ": expected " + expected[u]
          + ", found " + actual[u] + " (relative difference " + difference + ")");
      worst = Math.max(worst, difference);
    }
    return worst;
  }

  private static double[] flat(double[][] matrix) {
    int size = matrix.length;
    double[] values = new double[size * size];
    for (int u = 0; u < size; u++) {
      System.arraycopy(matrix[u], 0, values, u * size, size);
    }
    return values;
  }
}
