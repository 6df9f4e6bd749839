package io.github.msirt.estimate;

import java.util.Arrays;
import java.util.function.Function;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Minimises a smooth function with exact Hessians by a trust-region Newton method with
 * lower bounds on some coordinates.
 *
 * <p>Each step solves the trust-region subproblem on the coordinates not held at their
 * bound, from the eigen decomposition of the Hessian (Moré and Sorensen, 1983, SIAM J. Sci.
 * Stat. Comput. 4): the plain Newton step when the Hessian is positive definite and the step
 * fits in the region, otherwise the regularised step {@code -(H + mu I)^-1 g} on the region's
 * boundary. An indefinite Hessian, as the mixed objective can have when lambda > 0, thus
 * gives a descent step instead of a failure. Near the optimum the steps are pure Newton
 * steps and convergence is quadratic, so a fit takes a handful of evaluations, each of them
 * one pass over the data.
 */
public final class TrustRegionNewton {
  private static final Logger LOG = LoggerFactory.getLogger(TrustRegionNewton.class);

  /** Value, gradient and Hessian of the objective at a point. */
  public interface Evaluation {
    /** @return the objective value, or a non-finite value where undefined */
    double value();

    /** @return the gradient */
    double[] gradient();

    /** @return the symmetric Hessian */
    double[][] hessian();
  }

  /** The end state of a minimisation. */
  public static final class Outcome<E extends Evaluation> {
    private final double[] point;
    private final E evaluation;
    private final int iterations;
    private final int evaluations;
    private final boolean converged;
    private final String reason;

    Outcome(double[] point, E evaluation, int iterations, int evaluations, boolean converged,
        String reason) {
      this.point = point;
      this.evaluation = evaluation;
      this.iterations = iterations;
      this.evaluations = evaluations;
      this.converged = converged;
      this.reason = reason;
    }

    /** @return the final point */
    public double[] point() {
      return point.clone();
    }

    /** @return the evaluation at the final point */
    public E evaluation() {
      return evaluation;
    }

    /** @return accepted and rejected Newton steps taken */
    public int iterations() {
      return iterations;
    }

    /** @return function evaluations, each one pass over the data */
    public int evaluations() {
      return evaluations;
    }

    /** @return whether a convergence test was met */
    public boolean converged() {
      return converged;
    }

    /** @return why the minimisation stopped */
    public String reason() {
      return reason;
    }
  }

  // Relative size of a change that double arithmetic can still resolve in a sum of a few
  // hundred log-likelihood terms; a smaller predicted decrease cannot be verified.
  private static final double ROUNDING = 1e-14;

  private final double gradientTolerance;
  private final int maxIterations;

  /**
   * @param gradientTolerance stop when the largest free gradient entry is below this,
   *     e.g. 1e-9 for a mean log-likelihood
   * @param maxIterations largest number of steps, e.g. 200
   */
  public TrustRegionNewton(double gradientTolerance, int maxIterations) {
    this.gradientTolerance = gradientTolerance;
    this.maxIterations = maxIterations;
  }

  /**
   * Minimises from a starting point.
   *
   * @param function evaluates value, gradient and Hessian at a point
   * @param start starting point; moved onto the bounds if outside them
   * @param lower lower bound per coordinate ({@code -Infinity} for none)
   * @param <E> the evaluation type
   * @return the outcome
   */
  public <E extends Evaluation> Outcome<E> minimise(Function<double[], E> function,
      double[] start, double[] lower) {
    double[] x = project(start, lower);
    E current = function.apply(x);
    int evaluations = 1;
    if (!Double.isFinite(current.value())) {
      return new Outcome<>(x, current, 0, evaluations, false,
          "objective is not finite at the starting point");
    }
    double radius = Math.max(1.0, Matrices.maxAbs(x));
    for (int iteration = 1; iteration <= maxIterations; iteration++) {

      // Convergence test on the gradient of the coordinates free to move
      boolean[] free = freeCoordinates(x, current.gradient(), lower);
      double projectedGradient = projectedGradientNorm(current.gradient(), free);
      if (projectedGradient <= gradientTolerance) {
        return new Outcome<>(x, current, iteration - 1, evaluations, true,
            "projected gradient " + projectedGradient + " below " + gradientTolerance);
      }

      // Trust-region step, kept inside the bounds
      double[] step = subproblemStep(current.hessian(), current.gradient(), free, radius);
      double[] candidate = project(add(x, step), lower);
      double[] taken = subtract(candidate, x);
      double predicted = -(dot(current.gradient(), taken)
          + 0.5 * Matrices.quadraticForm(current.hessian(), taken));
      if (predicted <= ROUNDING * Math.max(1.0, Math.abs(current.value()))
          && norm(taken) < radius) {
        return new Outcome<>(x, current, iteration - 1, evaluations, true,
            "predicted decrease " + predicted + " below the rounding error of the objective"
                + "; projected gradient " + projectedGradient);
      }
      if (!(predicted > 0)) {
        radius = 0.25 * norm(taken);
        if (radius < 1e-14) {
          return new Outcome<>(x, current, iteration, evaluations, projectedGradient < 1e-6,
              "no step predicts a decrease; projected gradient " + projectedGradient);
        }
        continue;
      }

      // Evaluate and accept or reject by the ratio of actual to predicted decrease
      E trial = function.apply(candidate);
      evaluations++;
      double actual = Double.isFinite(trial.value())
          ? current.value() - trial.value() : Double.NEGATIVE_INFINITY;
      double ratio = actual / predicted;
      double stepLength = norm(taken);
      LOG.debug("step {}: objective {} -> {}, ratio {}, radius {}", iteration,
          current.value(), trial.value(), ratio, radius);
      if (ratio > 1e-4) {
        x = candidate;
        current = trial;
        if (Math.abs(actual) <= 1e-15 * Math.max(1.0, Math.abs(trial.value()))
            && Matrices.maxAbs(taken) < 1e-10) {
          return new Outcome<>(x, current, iteration, evaluations, true,
              "step and objective change below rounding error");
        }
      }
      radius = nextRadius(radius, ratio, stepLength);
      if (radius < 1e-14) {
        return new Outcome<>(x, current, iteration, evaluations, false,
            "trust region collapsed; projected gradient " + projectedGradient);
      }
    }
    return new Outcome<>(x, current, maxIterations, evaluations, false,
        "reached the iteration limit of " + maxIterations);
  }

  private static double nextRadius(double radius, double ratio, double stepLength) {
    if (ratio < 0.25) {
      return 0.25 * stepLength;
    }
    if (ratio > 0.75 && stepLength > 0.99 * radius) {
      return Math.min(2 * radius, 1e3);
    }
    return radius;
  }

  private static boolean[] freeCoordinates(double[] x, double[] gradient, double[] lower) {
    boolean[] free = new boolean[x.length];
    for (int u = 0; u < x.length; u++) {
      free[u] = !(x[u] <= lower[u] && gradient[u] > 0);
    }
    return free;
  }

  private static double projectedGradientNorm(double[] gradient, boolean[] free) {
    double largest = 0;
    for (int u = 0; u < gradient.length; u++) {
      if (free[u]) {
        largest = Math.max(largest, Math.abs(gradient[u]));
      }
    }
    return largest;
  }

  // Solves min g's + s'Hs/2 subject to |s| <= radius over the free coordinates.
  static double[] subproblemStep(double[][] hessian, double[] gradient, boolean[] free,
      double radius) {
    int[] index = freeIndex(free);
    int size = index.length;
    double[][] reduced = new double[size][size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        reduced[i][j] = hessian[index[i]][index[j]];
      }
    }
    EigenDecomposition eigen = Matrices.eigen(reduced);
    double[] values = eigen.getRealEigenvalues();
    double[] projected = new double[size];
    for (int i = 0; i < size; i++) {
      RealVector vector = eigen.getEigenvector(i);
      double sum = 0;
      for (int j = 0; j < size; j++) {
        sum += vector.getEntry(j) * gradient[index[j]];
      }
      projected[i] = sum;
    }
    double[] coefficients = shiftedCoefficients(values, projected, radius);
    double[] step = new double[gradient.length];
    for (int i = 0; i < size; i++) {
      RealVector vector = eigen.getEigenvector(i);
      for (int j = 0; j < size; j++) {
        step[index[j]] += coefficients[i] * vector.getEntry(j);
      }
    }
    return step;
  }

  // Coefficients of the step in the eigenbasis: -g_i / (lambda_i + mu), with mu = 0 for an
  // interior Newton step and otherwise mu found by bisection so that the step has length
  // radius. In the "hard case" (gradient orthogonal to the lowest eigenvector) the step is
  // completed along that eigenvector up to the boundary.
  private static double[] shiftedCoefficients(double[] values, double[] projected,
      double radius) {
    int lowest = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[lowest]) {
        lowest = i;
      }
    }
    double smallest = values[lowest];
    double scale = Math.max(1e-300, Matrices.maxAbs(values));
    if (smallest > 1e-12 * scale && stepLength(values, projected, 0.0) <= radius) {
      return coefficients(values, projected, 0.0);
    }
    double low = Math.max(0.0, -smallest) + 1e-12 * scale;
    if (stepLength(values, projected, low) <= radius) {
      double[] result = coefficients(values, projected, low);
      double remaining = radius * radius - squaredLength(result);
      result[lowest] += Math.sqrt(Math.max(0.0, remaining));
      return result;
    }
    double high = low + 1.0;
    while (stepLength(values, projected, high) > radius) {
      high = low + 2 * (high - low);
    }
    for (int iteration = 0; iteration < 200; iteration++) {
      double middle = 0.5 * (low + high);
      if (stepLength(values, projected, middle) > radius) {
        low = middle;
      } else {
        high = middle;
      }
      if (high - low <= 1e-14 * Math.max(1.0, high)) {
        break;
      }
    }
    return coefficients(values, projected, high);
  }

  private static double[] coefficients(double[] values, double[] projected, double shift) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = -projected[i] / (values[i] + shift);
    }
    return result;
  }

  private static double stepLength(double[] values, double[] projected, double shift) {
    return Math.sqrt(squaredLength(coefficients(values, projected, shift)));
  }

  private static double squaredLength(double[] vector) {
    double sum = 0;
    for (double value : vector) {
      sum += value * value;
    }
    return sum;
  }

  private static int[] freeIndex(boolean[] free) {
    int count = 0;
    for (boolean isFree : free) {
      count += isFree ? 1 : 0;
    }
    int[] index = new int[count];
    int next = 0;
    for (int u = 0; u < free.length; u++) {
      if (free[u]) {
        index[next++] = u;
      }
    }
    return index;
  }

  private static double[] project(double[] x, double[] lower) {
    double[] result = Arrays.copyOf(x, x.length);
    for (int u = 0; u < x.length; u++) {
      result[u] = Math.max(result[u], lower[u]);
    }
    return result;
  }

  private static double[] add(double[] x, double[] y) {
    double[] result = new double[x.length];
    for (int u = 0; u < x.length; u++) {
      result[u] = x[u] + y[u];
    }
    return result;
  }

  private static double[] subtract(double[] x, double[] y) {
    double[] result = new double[x.length];
    for (int u = 0; u < x.length; u++) {
      result[u] = x[u] - y[u];
    }
    return result;
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int u = 0; u < x.length; u++) {
      sum += x[u] * y[u];
    }
    return sum;
  }

  private static double norm(double[] x) {
    return Math.sqrt(squaredLength(x));
  }
}
