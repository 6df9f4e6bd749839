package io.github.msirt.diagnostics;

import io.github.msirt.estimate.NodeTable;
import io.github.msirt.model.ItemParameters;

/**
 * Test information and the standard error of ability across a range of abilities:
 * <pre>
 *   I(theta) = sum_j a_j^2 p_j(theta) (1 - p_j(theta)),   SE(theta) = 1 / sqrt(I(theta)),
 * </pre>
 * with {@code p_j(theta) = logistic(d_j + a_j theta)}, for a respondent answering every item.
 *
 * @param thetas the abilities, increasing
 * @param information {@code I(theta)} at each
 * @param standardError {@code SE(theta)} at each (infinite where the information is 0)
 */
public record TestInformation(double[] thetas, double[] information, double[] standardError) {

  /**
   * @param parameters item parameters
   * @param lower lowest ability
   * @param upper highest ability, above lower
   * @param points number of evenly spaced abilities, at least 2
   * @return the curves
   */
  public static TestInformation curve(ItemParameters parameters, double lower, double upper,
      int points) {
    double[] thetas = new double[points];
    for (int k = 0; k < points; k++) {
      thetas[k] = lower + (upper - lower) * k / (points - 1.0);
    }
    return at(parameters, thetas);
  }

  /**
   * @param parameters item parameters
   * @param thetas abilities
   * @return the curves at those abilities
   */
  public static TestInformation at(ItemParameters parameters, double[] thetas) {
    double[] information = new double[thetas.length];
    double[] standardError = new double[thetas.length];
    for (int k = 0; k < thetas.length; k++) {
      for (int j = 0; j < parameters.itemCount(); j++) {
        double a = parameters.discrimination(j);
        double p = NodeTable.logistic(parameters.intercept(j) + a * thetas[k]);
        information[k] += a * a * p * (1 - p);
      }
      standardError[k] = 1.0 / Math.sqrt(information[k]);
    }
    return new TestInformation(thetas.clone(), information, standardError);
  }
}
