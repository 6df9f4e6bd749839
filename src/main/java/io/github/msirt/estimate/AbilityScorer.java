package io.github.msirt.estimate;

import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import java.io.Serializable;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Ability scores of response rows at fixed item parameters: bounded maximum likelihood with
 * information-based standard errors, the implicit gradient of the score with respect to
 * the item parameters, and the expected a posteriori (EAP) score.
 *
 * <p>The log-likelihood {@code l(theta) = sum_j [y_j eta_j - log(1 + exp(eta_j))]} over
 * answered items is strictly concave in theta, so the bounded maximum is unique: a bound
 * when the slope {@code l'} points outward there, otherwise the root of {@code l'} found
 * by Newton's method safeguarded by bisection, to machine precision.
 *
 * <p>NOTE: with reference scoring, the maximum is instead searched by Brent's method with
 * the tolerances of R's {@code optimize} (absolute 1.2e-4), as the published R
 * implementation does, and a score counts as at a bound only within 1.5e-8 of it. That
 * optimiser stops about 5e-5 inside a bound for all-correct and all-wrong rows, which then
 * count as interior and get an implicit gradient at a point where the score equation does
 * not hold. Use it only to reproduce that implementation's numbers; the exact default
 * leaves such rows out of the ability risk.
 */
public final class AbilityScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  // Test information below this makes the implicit gradient numerically meaningless.
  private static final double INFORMATION_FLOOR = 1e-10;

  // R's optimize(): tolerance .Machine$double.eps^0.25, of which Brent's test uses a third,
  // plus sqrt(.Machine$double.eps) relative; a bound is hit within sqrt(.Machine$double.eps).
  private static final double REFERENCE_ABSOLUTE = Math.pow(0x1.0p-52, 0.25) / 3;
  private static final double REFERENCE_RELATIVE = Math.sqrt(0x1.0p-52);
  private static final double REFERENCE_BOUNDARY = Math.sqrt(0x1.0p-52);

  private final double[] discriminations;
  private final double[] intercepts;
  private final double lower;
  private final double upper;
  private final boolean reference;

  /**
   * @param parameters item parameters
   * @param lower lower ability bound, e.g. -6
   * @param upper upper ability bound, e.g. 6
   */
  public AbilityScorer(ItemParameters parameters, double lower, double upper) {
    this(parameters, lower, upper, false);
  }

  private AbilityScorer(ItemParameters parameters, double lower, double upper,
      boolean reference) {
    this.discriminations = parameters.discriminations();
    this.intercepts = parameters.intercepts();
    this.lower = lower;
    this.upper = upper;
    this.reference = reference;
  }

  /**
   * @param parameters item parameters
   * @param settings supplies the ability bounds
   * @return the scorer
   */
  public static AbilityScorer of(ItemParameters parameters, CalibrationSettings settings) {
    return new AbilityScorer(parameters, settings.thetaLower(), settings.thetaUpper(),
        settings.referenceScoring());
  }

  /**
   * Bounded ML score of one row.
   *
   * @param row cells coded 0, 1 or missing
   * @return the estimate
   */
  public AbilityScore score(byte[] row) {
    if (!hasAnswers(row)) {
      return new AbilityScore(Double.NaN, Double.NaN, AbilityScore.Status.NO_RESPONSES);
    }
    if (reference) {
      return referenceScore(row);
    }
    if (slope(row, lower) <= 0) {
      return new AbilityScore(lower, Double.POSITIVE_INFINITY,
          AbilityScore.Status.LOWER_BOUND);
    }
    if (slope(row, upper) >= 0) {
      return new AbilityScore(upper, Double.POSITIVE_INFINITY,
          AbilityScore.Status.UPPER_BOUND);
    }
    double theta = root(row);
    double information = information(row, theta);
    return new AbilityScore(theta, 1.0 / Math.sqrt(information), AbilityScore.Status.INTERIOR);
  }

  private AbilityScore referenceScore(byte[] row) {
    BrentOptimizer brent = new BrentOptimizer(REFERENCE_RELATIVE, REFERENCE_ABSOLUTE);
    double theta = brent.optimize(new MaxEval(1000), GoalType.MAXIMIZE,
        new SearchInterval(lower, upper),
        new UnivariateObjectiveFunction(t -> logLikelihood(row, t))).getPoint();
    if (Math.abs(theta - lower) < REFERENCE_BOUNDARY) {
      return new AbilityScore(theta, Double.POSITIVE_INFINITY,
          AbilityScore.Status.LOWER_BOUND);
    }
    if (Math.abs(theta - upper) < REFERENCE_BOUNDARY) {
      return new AbilityScore(theta, Double.POSITIVE_INFINITY,
          AbilityScore.Status.UPPER_BOUND);
    }
    return new AbilityScore(theta, 1.0 / Math.sqrt(information(row, theta)),
        AbilityScore.Status.INTERIOR);
  }

  private double logLikelihood(byte[] row, double theta) {
    double sum = 0;
    for (int j = 0; j < row.length; j++) {
      if (row[j] != ResponseMatrix.MISSING) {
        double eta = intercepts[j] + discriminations[j] * theta;
        sum += row[j] * eta - NodeTable.log1pExp(eta);
      }
    }
    return sum;
  }

  private double root(byte[] row) {
    double low = lower;
    double high = upper;
    double theta = Math.max(lower, Math.min(upper, 0.0));
    double[] slopeAndInformation = new double[2];
    for (int iteration = 0; iteration < 200; iteration++) {
      derivatives(row, theta, slopeAndInformation);
      double slope = slopeAndInformation[0];
      if (slope > 0) {
        low = theta;
      } else {
        high = theta;
      }
      double next = theta + slope / slopeAndInformation[1];
      if (!(next > low && next < high)) {
        next = 0.5 * (low + high);
      }
      if (Math.abs(next - theta) <= 1e-13 * Math.max(1.0, Math.abs(theta))) {
        return next;
      }
      theta = next;
    }
    return theta;
  }

  // The slope and the test information at theta, with one logistic per answered item.
  private void derivatives(byte[] row, double theta, double[] result) {
    double slope = 0;
    double information = 0;
    for (int j = 0; j < row.length; j++) {
      if (row[j] != ResponseMatrix.MISSING) {
        double a = discriminations[j];
        double p = NodeTable.logistic(intercepts[j] + a * theta);
        slope += a * (row[j] - p);
        information += a * a * p * (1 - p);
      }
    }
    result[0] = slope;
    result[1] = information;
  }

  private static boolean hasAnswers(byte[] row) {
    for (byte value : row) {
      if (value != ResponseMatrix.MISSING) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param row cells
   * @param theta ability
   * @return {@code l'(theta) = sum_j a_j (y_j - p_j)}
   */
  public double slope(byte[] row, double theta) {
    double sum = 0;
    for (int j = 0; j < row.length; j++) {
      if (row[j] != ResponseMatrix.MISSING) {
        double p = NodeTable.logistic(intercepts[j] + discriminations[j] * theta);
        sum += discriminations[j] * (row[j] - p);
      }
    }
    return sum;
  }

  /**
   * @param row cells
   * @param theta ability
   * @return test information {@code sum_j a_j^2 p_j (1 - p_j)} over answered items
   */
  public double information(byte[] row, double theta) {
    double sum = 0;
    for (int j = 0; j < row.length; j++) {
      if (row[j] != ResponseMatrix.MISSING) {
        double p = NodeTable.logistic(intercepts[j] + discriminations[j] * theta);
        sum += discriminations[j] * discriminations[j] * p * (1 - p);
      }
    }
    return sum;
  }

  /**
   * Implicit gradient of an interior ML score with respect to the item parameters: with the
   * score equation {@code F = sum_j a_j (y_j - p_j) = 0},
   * {@code d theta / d gamma = -F_gamma / F_theta}, where {@code F_theta = -information},
   * {@code dF/da_j = y_j - p_j - a_j p_j q_j theta} and {@code dF/dd_j = -a_j p_j q_j}.
   * Missing items get zero.
   *
   * @param row cells
   * @param score the row's score from {@link #score}
   * @return {@code 2J} entries, all a then all d; null at a bound, without answers, or where
   *     the test information vanishes, since the score does not move smoothly there
   */
  public double[] gradient(byte[] row, AbilityScore score) {
    if (score.status() != AbilityScore.Status.INTERIOR) {
      return null;
    }
    return gradientAt(row, score.theta());
  }

  /**
   * The implicit-gradient formula evaluated at a given ability, stationary or not; used to
   * compare with other implementations at their own scores.
   *
   * @param row cells
   * @param theta ability
   * @return {@code 2J} entries, or null where the test information vanishes
   */
  public double[] gradientAt(byte[] row, double theta) {
    int items = row.length;
    double information = information(row, theta);
    if (!(information > INFORMATION_FLOOR)) {
      return null;
    }
    double[] gradient = new double[2 * items];
    for (int j = 0; j < items; j++) {
      if (row[j] == ResponseMatrix.MISSING) {
        continue;
      }
      double a = discriminations[j];
      double p = NodeTable.logistic(intercepts[j] + a * theta);
      double pq = p * (1 - p);
      gradient[j] = (row[j] - p - a * pq * theta) / information;
      gradient[items + j] = -a * pq / information;
    }
    return gradient;
  }

  /**
   * Expected a posteriori ability and posterior standard deviation on a quadrature grid,
   * with the N(0, 1) prior the grid represents. The standard deviation is taken about the
   * mean in a second pass, so it is never negative. A row without answers gets the prior
   * mean and standard deviation of the grid.
   *
   * @param row cells
   * @param quadrature the grid
   * @return {@code {mean, standard deviation}}
   */
  public double[] expectedAPosteriori(byte[] row, Quadrature quadrature) {
    int nodes = quadrature.size();
    double[] logPosterior = new double[nodes];
    double largest = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < nodes; k++) {
      double theta = quadrature.node(k);
      double sum = quadrature.logWeight(k);
      for (int j = 0; j < row.length; j++) {
        if (row[j] != ResponseMatrix.MISSING) {
          double eta = intercepts[j] + discriminations[j] * theta;
          sum += row[j] * eta - NodeTable.log1pExp(eta);
        }
      }
      logPosterior[k] = sum;
      largest = Math.max(largest, sum);
    }
    double total = 0;
    double mean = 0;
    for (int k = 0; k < nodes; k++) {
      logPosterior[k] = Math.exp(logPosterior[k] - largest);
      total += logPosterior[k];
      mean += logPosterior[k] * quadrature.node(k);
    }
    mean /= total;
    double variance = 0;
    for (int k = 0; k < nodes; k++) {
      double centred = quadrature.node(k) - mean;
      variance += logPosterior[k] * centred * centred;
    }
    return new double[] {mean, Math.sqrt(variance / total)};
  }
}
