package io.github.msirt.estimate;

import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import java.io.Serializable;

/**
 * The 2PL evaluated once per parameter vector on every (item, node) pair, so that the
 * per-respondent work of the E-step is only additions and one log-sum-exp.
 *
 * <p>For item j and node k, with {@code eta = d_j + a_j theta_k}: {@code p = logistic(eta)}
 * and {@code log(1 - p) = -log1p(exp(eta))}, evaluated stably. A row's log-likelihood at
 * node k is {@code sum over answered j of log(1 - p_jk) + sum over correct j of eta_jk},
 * which the kernel forms as the full sum over items minus the missing items.
 */
public final class NodeTable implements Serializable {
  private static final long serialVersionUID = 1L;

  final int items;
  final int nodes;
  final double[] theta;
  final double[][] thetaPower;
  final double[] logPrior;
  final double[] eta;
  final double[] logFailure;
  final double[] probability;
  final double[] allFailures;
  final double[] priorAndFailures;
  private final ItemParameters parameters;

  /**
   * @param parameters item parameters at which to evaluate
   * @param quadrature the ability grid
   */
  public NodeTable(ItemParameters parameters, Quadrature quadrature) {
    this.parameters = parameters;
    this.items = parameters.itemCount();
    this.nodes = quadrature.size();
    this.theta = quadrature.nodes();
    this.thetaPower = new double[3][nodes];
    this.logPrior = new double[nodes];
    for (int k = 0; k < nodes; k++) {
      thetaPower[0][k] = 1.0;
      thetaPower[1][k] = theta[k];
      thetaPower[2][k] = theta[k] * theta[k];
      logPrior[k] = quadrature.logWeight(k);
    }
    this.eta = new double[items * nodes];
    this.logFailure = new double[items * nodes];
    this.probability = new double[items * nodes];
    this.allFailures = new double[nodes];
    this.priorAndFailures = new double[nodes];
    fill(parameters);
    for (int k = 0; k < nodes; k++) {
      priorAndFailures[k] = logPrior[k] + allFailures[k];
    }
  }

  private void fill(ItemParameters parameters) {
    for (int j = 0; j < items; j++) {
      double a = parameters.discrimination(j);
      double d = parameters.intercept(j);
      for (int k = 0; k < nodes; k++) {
        int index = j * nodes + k;
        double linear = d + a * theta[k];
        eta[index] = linear;
        logFailure[index] = -log1pExp(linear);
        probability[index] = logistic(linear);
        allFailures[k] += logFailure[index];
      }
    }
  }

  /**
   * {@code log(1 + exp(x))} without overflow or loss of precision.
   *
   * @param x any finite value
   * @return the softplus of x
   */
  public static double log1pExp(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /**
   * @param x any finite value
   * @return {@code 1 / (1 + exp(-x))}, computed without overflow
   */
  public static double logistic(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** @return the parameters this table was built from */
  public ItemParameters parameters() {
    return parameters;
  }

  /** @return the number of items */
  public int itemCount() {
    return items;
  }

  /** @return the number of quadrature nodes */
  public int nodeCount() {
    return nodes;
  }

  /**
   * @param item item index
   * @param node node index
   * @return the probability of a correct answer
   */
  public double probability(int item, int node) {
    return probability[item * nodes + node];
  }

  /**
   * @param node node index
   * @return the ability at the node
   */
  public double theta(int node) {
    return theta[node];
  }
}
