package io.github.msirt.model;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * A discrete approximation of the standard normal ability distribution: nodes and weights
 * that sum to one.
 *
 * <p>The default grid is Gauss-Hermite for the weight {@code exp(-x^2 / 2)}, found as the
 * roots of the orthonormal probabilists' Hermite polynomial by Newton's method, with the
 * Christoffel weights {@code 1 / sum_k phi_k(x)^2} (Golub and Welsch, 1969, Math. Comp. 23).
 * An n-node grid integrates polynomials up to degree 2n - 1 exactly, so its mean is 0 and
 * its variance 1 to rounding error.
 */
public final class Quadrature implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Nodes used when the caller does not choose. */
  public static final int DEFAULT_NODES = 31;

  private final double[] nodes;
  private final double[] weights;
  private final double[] logWeights;

  private Quadrature(double[] nodes, double[] weights) {
    this.nodes = nodes;
    this.weights = weights;
    this.logWeights = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      logWeights[k] = Math.log(weights[k]);
    }
  }

  /**
   * The standard-normal Gauss-Hermite grid.
   *
   * @param count number of nodes, at least 2 (default {@value #DEFAULT_NODES})
   * @return nodes in increasing order with weights summing to one
   * @throws IllegalArgumentException if {@code count < 2} or {@code count > 200}
   */
  public static Quadrature gaussHermite(int count) {
    if (count < 2 || count > 200) {
      throw new IllegalArgumentException(
          "quadrature points must be between 2 and 200, found " + count);
    }
    double[] guesses = jacobiEigenvalues(count);
    double[] nodes = new double[count];
    double[] weights = new double[count];
    for (int k = 0; k < count; k++) {
      nodes[k] = refineRoot(count, guesses[k]);
      weights[k] = 1.0 / sumOfSquaredPolynomials(count, nodes[k]);
    }
    symmetrise(nodes, weights);
    return normalised(nodes, weights);
  }

  /**
   * A grid supplied by the caller, sorted by node and with weights rescaled to sum to one.
   *
   * @param nodes ability values, finite
   * @param weights non-negative weights of the same length, not all zero
   * @return the normalised grid
   * @throws IllegalArgumentException if lengths differ, a value is not finite, or a weight is
   *     negative
   */
  public static Quadrature of(double[] nodes, double[] weights) {
    if (nodes.length == 0 || nodes.length != weights.length) {
      throw new IllegalArgumentException("quadrature needs as many weights as nodes, found "
          + nodes.length + " nodes and " + weights.length + " weights");
    }
    Integer[] order = new Integer[nodes.length];
    for (int k = 0; k < nodes.length; k++) {
      if (!Double.isFinite(nodes[k]) || !Double.isFinite(weights[k]) || weights[k] < 0) {
        throw new IllegalArgumentException("quadrature node " + (k + 1)
            + " must be finite with a non-negative weight, found node " + nodes[k]
            + " weight " + weights[k]);
      }
      order[k] = k;
    }
    Arrays.sort(order, (x, y) -> Double.compare(nodes[x], nodes[y]));
    double[] sortedNodes = new double[nodes.length];
    double[] sortedWeights = new double[nodes.length];
    for (int k = 0; k < nodes.length; k++) {
      sortedNodes[k] = nodes[order[k]];
      sortedWeights[k] = weights[order[k]];
    }
    return normalised(sortedNodes, sortedWeights);
  }

  private static Quadrature normalised(double[] nodes, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("quadrature weights must not all be zero");
    }
    double[] scaled = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      scaled[k] = weights[k] / total;
    }
    return new Quadrature(nodes, scaled);
  }

  // Golub-Welsch: the nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix
  // of the three-term recurrence (zero diagonal, sqrt(k) off the diagonal). They serve as
  // starting values that Newton's method then polishes.
  private static double[] jacobiEigenvalues(int count) {
    double[] diagonal = new double[count];
    double[] offDiagonal = new double[count - 1];
    for (int k = 0; k < count - 1; k++) {
      offDiagonal[k] = Math.sqrt(k + 1.0);
    }
    double[] values = new EigenDecomposition(diagonal, offDiagonal).getRealEigenvalues();
    Arrays.sort(values);
    return values;
  }

  // The grid is symmetric in exact arithmetic; enforce it so that odd moments vanish.
  private static void symmetrise(double[] nodes, double[] weights) {
    int count = nodes.length;
    for (int i = 0; i < count / 2; i++) {
      double node = 0.5 * (nodes[count - 1 - i] - nodes[i]);
      double weight = 0.5 * (weights[count - 1 - i] + weights[i]);
      nodes[i] = -node;
      nodes[count - 1 - i] = node;
      weights[i] = weight;
      weights[count - 1 - i] = weight;
    }
    if (count % 2 == 1) {
      nodes[count / 2] = 0.0;
    }
  }

  private static double refineRoot(int count, double start) {
    double x = start;
    for (int iteration = 0; iteration < 100; iteration++) {
      double[] values = orthonormalHermite(count, x);
      double derivative = Math.sqrt(count) * values[1];
      double step = values[0] / derivative;
      x -= step;
      if (Math.abs(step) < 1e-15 * Math.max(1.0, Math.abs(x))) {
        break;
      }
    }
    return x;
  }

  // Returns {phi_n(x), phi_{n-1}(x)} for the orthonormal probabilists' Hermite
  // polynomials: phi_{k+1} = (x phi_k - sqrt(k) phi_{k-1}) / sqrt(k + 1).
  private static double[] orthonormalHermite(int count, double x) {
    double previous = 0.0;
    double current = 1.0;
    for (int k = 0; k < count; k++) {
      double next = (x * current - Math.sqrt(k) * previous) / Math.sqrt(k + 1.0);
      previous = current;
      current = next;
    }
    return new double[] {current, previous};
  }

  private static double sumOfSquaredPolynomials(int count, double x) {
    double previous = 0.0;
    double current = 1.0;
    double sum = 1.0;
    for (int k = 0; k < count - 1; k++) {
      double next = (x * current - Math.sqrt(k) * previous) / Math.sqrt(k + 1.0);
      previous = current;
      current = next;
      sum += current * current;
    }
    return sum;
  }

  /** @return the number of nodes */
  public int size() {
    return nodes.length;
  }

  /** @return a copy of the nodes, increasing */
  public double[] nodes() {
    return nodes.clone();
  }

  /** @return a copy of the weights, summing to one */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * @param k node index
   * @return the k-th node
   */
  public double node(int k) {
    return nodes[k];
  }

  /**
   * @param k node index
   * @return the natural logarithm of the k-th weight
   */
  public double logWeight(int k) {
    return logWeights[k];
  }
}
