package io.github.msirt.diagnostics;

/**
 * Pearson and trace correlations of paired columns.
 *
 * <p>The trace correlation of two sets of columns {@code X} and {@code Y} (same rows, same
 * number of columns) is
 * <pre>
 *   rho = sum_u Cov(X_u, Y_u) / sqrt(sum_u Var(X_u) * sum_u Var(Y_u)),
 * </pre>
 * that is {@code tr Cov(X, Y) / sqrt(tr Var(X) tr Var(Y))}. With one column it is the
 * Pearson correlation. It lies in [-1, 1] by the Cauchy-Schwarz inequality and is NaN when
 * either set has no variance.
 */
public final class Correlations {
  private Correlations() {
  }

  /**
   * Pearson correlation of two equally long columns.
   *
   * @param first values
   * @param second values, paired with first
   * @return the correlation, NaN when either column is constant or shorter than 2
   */
  public static double pearson(double[] first, double[] second) {
    double[][] left = new double[first.length][1];
    double[][] right = new double[second.length][1];
    for (int i = 0; i < first.length; i++) {
      left[i][0] = first[i];
      right[i][0] = second[i];
    }
    return trace(left, right, new int[] {0}, null);
  }

  /**
   * Trace correlation of selected columns over selected rows.
   *
   * @param first rows of the first set
   * @param second rows of the second set, paired with first
   * @param columns the columns that enter, by index
   * @param include which rows enter, or null for all
   * @return the trace correlation, NaN when either side has no variance
   */
  public static double trace(double[][] first, double[][] second, int[] columns,
      boolean[] include) {
    double cross = 0;
    double firstVariance = 0;
    double secondVariance = 0;
    for (int column : columns) {
      double[] moments = moments(first, second, column, include);
      cross += moments[0];
      firstVariance += moments[1];
      secondVariance += moments[2];
    }
    double scale = Math.sqrt(firstVariance * secondVariance);
    return scale > 0 ? cross / scale : Double.NaN;
  }

  // Centred cross product and sums of squares of one column pair over the included rows.
  private static double[] moments(double[][] first, double[][] second, int column,
      boolean[] include) {
    double count = 0;
    double meanFirst = 0;
    double meanSecond = 0;
    for (int i = 0; i < first.length; i++) {
      if (include == null || include[i]) {
        count++;
        meanFirst += first[i][column];
        meanSecond += second[i][column];
      }
    }
    if (count < 2) {
      return new double[3];
    }
    meanFirst /= count;
    meanSecond /= count;
    double[] moments = new double[3];
    for (int i = 0; i < first.length; i++) {
      if (include == null || include[i]) {
        double left = first[i][column] - meanFirst;
        double right = second[i][column] - meanSecond;
        moments[0] += left * right;
        moments[1] += left * left;
        moments[2] += right * right;
      }
    }
    return moments;
  }
}
