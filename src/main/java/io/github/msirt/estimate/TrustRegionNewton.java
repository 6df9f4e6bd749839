package io.github.msirt.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.linear.EigenDecomposition;
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

    /**
     * A block-diagonal model Hessian for large problems: when not null, entry j holds the
     * 2 x 2 block {@code {h(j,j), h(j,J+j), h(J+j,J+j)}} coupling coordinates j and J + j of
     * a vector of length 2J, and {@link #hessian()} is not called.
     *
     * @return the blocks, or null for a dense Hessian
     */
    default double[][] hessianBlocks() {
      return null;
    }
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

  // Relative size of a change that double arithmetic can still resolve in a sum of many
  // log-likelihood terms; a smaller predicted decrease cannot be verified by the objective.
  private static final double ROUNDING = 1e-13;

  // A predicted decrease so small that no further step can matter.
  private static final double NEGLIGIBLE = 1e-20;

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
      double[][] blocks = current.hessianBlocks();
      List<EigenPair> spectrum = blocks == null ? denseSpectrum(current.hessian(), free)
          : blockSpectrum(blocks, free);
      double[] step = subproblemStep(spectrum, current.gradient(), radius);
      double[] candidate = project(add(x, step), lower);
      double[] taken = subtract(candidate, x);
      double curvature = blocks == null ? Matrices.quadraticForm(current.hessian(), taken)
          : blockQuadraticForm(blocks, taken);
      double predicted = -(dot(current.gradient(), taken) + 0.5 * curvature);
      double scale = Math.max(1.0, Math.abs(current.value()));
      if (predicted <= NEGLIGIBLE * scale) {
        return new Outcome<>(x, current, iteration - 1, evaluations, true,
            "predicted decrease " + predicted + " is negligible; projected gradient "
                + projectedGradient);
      }
      if (!(predicted > 0)) {
        radius = 0.25 * norm(taken);
        if (radius < 1e-14) {
          return new Outcome<>(x, current, iteration, evaluations, false,
              "no step predicts a decrease; projected gradient " + projectedGradient);
        }
        continue;
      }

      // Evaluate and accept or reject by the ratio of actual to predicted decrease. When
      // the predicted decrease is within the objective's rounding error the ratio is noise,
      // so a step is then accepted if it does not raise the objective beyond rounding and
      // reduces the gradient.
      E trial = function.apply(candidate);
      evaluations++;
      double actual = Double.isFinite(trial.value())
          ? current.value() - trial.value() : Double.NEGATIVE_INFINITY;
      double ratio = actual / predicted;
      double stepLength = norm(taken);
      LOG.debug("step {}: objective {} -> {}, ratio {}, radius {}", iteration,
          current.value(), trial.value(), ratio, radius);
      boolean accepted;
      if (predicted <= ROUNDING * scale) {
        boolean[] trialFree = freeCoordinates(candidate, trial.gradient(), lower);
        accepted = actual >= -ROUNDING * scale
            && projectedGradientNorm(trial.gradient(), trialFree) < projectedGradient;
        ratio = accepted ? 1.0 : 0.0;
      } else {
        accepted = ratio > 1e-4;
      }
      if (accepted) {
        x = candidate;
        current = trial;
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

  /** An eigenvalue with its unit eigenvector, stored on the coordinates it touches. */
  record EigenPair(double value, int[] index, double[] vector) {
  }

  private static List<EigenPair> denseSpectrum(double[][] hessian, boolean[] free) {
    int[] index = freeIndex(free);
    int size = index.length;
    double[][] reduced = new double[size][size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        reduced[i][j] = hessian[index[i]][index[j]];
      }
    }
    EigenDecomposition eigen = Matrices.eigen(reduced);
    List<EigenPair> pairs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      pairs.add(new EigenPair(eigen.getRealEigenvalue(i), index,
          eigen.getEigenvector(i).toArray()));
    }
    return pairs;
  }

  // Eigen pairs of a block-diagonal Hessian, block by block in closed form.
  static List<EigenPair> blockSpectrum(double[][] blocks, boolean[] free) {
    int items = blocks.length;
    List<EigenPair> pairs = new ArrayList<>();
    for (int j = 0; j < items; j++) {
      boolean slope = free[j];
      boolean intercept = free[items + j];
      if (slope && intercept) {
        addTwoByTwo(pairs, j, items + j, blocks[j][0], blocks[j][1], blocks[j][2]);
      } else if (slope) {
        pairs.add(new EigenPair(blocks[j][0], new int[] {j}, new double[] {1}));
      } else if (intercept) {
        pairs.add(new EigenPair(blocks[j][2], new int[] {items + j}, new double[] {1}));
      }
    }
    return pairs;
  }

  private static void addTwoByTwo(List<EigenPair> pairs, int first, int second, double a,
      double b, double c) {
    double mean = 0.5 * (a + c);
    double radius = Math.hypot(0.5 * (a - c), b);
    double angle = 0.5 * Math.atan2(2 * b, a - c);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    int[] index = {first, second};
    pairs.add(new EigenPair(mean + radius, index, new double[] {cos, sin}));
    pairs.add(new EigenPair(mean - radius, index, new double[] {-sin, cos}));
  }

  private static double blockQuadraticForm(double[][] blocks, double[] vector) {
    int items = blocks.length;
    double sum = 0;
    for (int j = 0; j < items; j++) {
      double slope = vector[j];
      double intercept = vector[items + j];
      sum += blocks[j][0] * slope * slope + 2 * blocks[j][1] * slope * intercept
          + blocks[j][2] * intercept * intercept;
    }
    return sum;
  }

  // Solves min g's + s'Hs/2 subject to |s| <= radius in the span of the given eigen pairs.
  static double[] subproblemStep(List<EigenPair> spectrum, double[] gradient, double radius) {
    int size = spectrum.size();
    double[] values = new double[size];
    double[] projected = new double[size];
    for (int i = 0; i < size; i++) {
      EigenPair pair = spectrum.get(i);
      values[i] = pair.value();
      double sum = 0;
      for (int j = 0; j < pair.index().length; j++) {
        sum += pair.vector()[j] * gradient[pair.index()[j]];
      }
      projected[i] = sum;
    }
    double[] step = new double[gradient.length];
    if (size == 0) {
      return step;
    }
    double[] coefficients = shiftedCoefficients(values, projected, radius);
    for (int i = 0; i < size; i++) {
      EigenPair pair = spectrum.get(i);
      for (int j = 0; j < pair.index().length; j++) {
        step[pair.index()[j]] += coefficients[i] * pair.vector()[j];
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
