package io.github.msirt.estimate;

import java.util.List;

/**
 * A sandwich covariance of the item parameters, ordered all a then all d, with the bread
 * and meat it was formed from.
 */
public final class Covariance {
  private final List<String> names;
  private final double[][] matrix;
  private final double[][] bread;
  private final double[][] meat;

  Covariance(List<String> names, double[][] matrix, double[][] bread, double[][] meat) {
    this.names = names;
    this.matrix = matrix;
    this.bread = bread;
    this.meat = meat;
  }

  /** @return parameter names {@code a_<item>} then {@code d_<item>} */
  public List<String> names() {
    return names;
  }

  /** @return the {@code 2J x 2J} covariance */
  public double[][] matrix() {
    return copy(matrix);
  }

  /** @return the bread: the Hessian of the objective */
  public double[][] bread() {
    return copy(bread);
  }

  /** @return the meat: the covariance of the estimating equation */
  public double[][] meat() {
    return copy(meat);
  }

  /** @return standard errors, the square roots of the diagonal */
  public double[] standardErrors() {
    double[] se = new double[matrix.length];
    for (int u = 0; u < se.length; u++) {
      se[u] = Math.sqrt(Math.max(0.0, matrix[u][u]));
    }
    return se;
  }

  /**
   * Standard error of a difficulty {@code b = -d / a} by the delta method.
   *
   * @param item item index
   * @param a the item's discrimination
   * @param d the item's intercept
   * @return the standard error of b
   */
  public double difficultyStandardError(int item, double a, double d) {
    int items = matrix.length / 2;
    double slopeDerivative = d / (a * a);
    double interceptDerivative = -1.0 / a;
    double variance = slopeDerivative * slopeDerivative * matrix[item][item]
        + 2 * slopeDerivative * interceptDerivative * matrix[item][items + item]
        + interceptDerivative * interceptDerivative * matrix[items + item][items + item];
    return Math.sqrt(Math.max(0.0, variance));
  }

  /** @return the trace of the covariance */
  public double trace() {
    return Matrices.trace(matrix);
  }

  private static double[][] copy(double[][] source) {
    double[][] result = new double[source.length][];
    for (int i = 0; i < source.length; i++) {
      result[i] = source[i].clone();
    }
    return result;
  }
}
