package io.github.msirt.estimate;

import io.github.msirt.model.Quadrature;
import java.io.Serializable;

/**
 * Numerical settings shared by fitting, covariance, scoring and tuning.
 *
 * <p>Defaults: 31 Gauss-Hermite nodes, slope lower bound 1e-4, ability bounds [-6, 6],
 * gradient tolerance 1e-9 on the mean log-likelihood, at most 200 Newton steps, candidates
 * with a discrimination above 10 ineligible in tuning, ridge 1e-8 for inverting the bread.
 */
public final class CalibrationSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Quadrature quadrature;
  private final double slopeLowerBound;
  private final double thetaLower;
  private final double thetaUpper;
  private final double gradientTolerance;
  private final int maxIterations;
  private final double maxDiscrimination;
  private final double ridge;
  private final boolean referenceScoring;
  private final int maxHessianItems;
  private final boolean ppiOwnPosteriors;

  private CalibrationSettings(Builder builder) {
    this.quadrature = builder.quadrature;
    this.slopeLowerBound = builder.slopeLowerBound;
    this.thetaLower = builder.thetaLower;
    this.thetaUpper = builder.thetaUpper;
    this.gradientTolerance = builder.gradientTolerance;
    this.maxIterations = builder.maxIterations;
    this.maxDiscrimination = builder.maxDiscrimination;
    this.ridge = builder.ridge;
    this.referenceScoring = builder.referenceScoring;
    this.maxHessianItems = builder.maxHessianItems;
    this.ppiOwnPosteriors = builder.ppiOwnPosteriors;
  }

  /** @return the default settings */
  public static CalibrationSettings defaults() {
    return builder().build();
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the ability grid */
  public Quadrature quadrature() {
    return quadrature;
  }

  /** @return the smallest allowed discrimination */
  public double slopeLowerBound() {
    return slopeLowerBound;
  }

  /** @return the lower ability bound for ML scores */
  public double thetaLower() {
    return thetaLower;
  }

  /** @return the upper ability bound for ML scores */
  public double thetaUpper() {
    return thetaUpper;
  }

  /** @return the optimiser's gradient tolerance */
  public double gradientTolerance() {
    return gradientTolerance;
  }

  /** @return the optimiser's step limit */
  public int maxIterations() {
    return maxIterations;
  }

  /** @return the largest discrimination an eligible tuning candidate may have */
  public double maxDiscrimination() {
    return maxDiscrimination;
  }

  /** @return the first ridge tried when the bread cannot be inverted */
  public double ridge() {
    return ridge;
  }

  /**
   * @return whether ability scores follow the published R implementation's 1-D optimiser
   *     instead of the exact bounded maximum (see {@link AbilityScorer})
   */
  public boolean referenceScoring() {
    return referenceScoring;
  }

  /**
   * @return the largest number of items fitted with the exact dense Louis Hessian; longer
   *     tests use the complete-data Hessian's item blocks in the optimiser, which needs
   *     memory linear rather than quadratic in the items but converges more slowly
   */
  public int maxHessianItems() {
    return maxHessianItems;
  }

  /**
   * @return whether the PPI++ rule scores the predictions with their own posteriors, as the
   *     marginal objective and the sandwich do, rather than with the paired humans'
   *     posteriors (see {@link io.github.msirt.tune.PpiTraceRule})
   */
  public boolean ppiOwnPosteriors() {
    return ppiOwnPosteriors;
  }

  /** Builds {@link CalibrationSettings}; every setter validates its argument. */
  public static final class Builder {
    private Quadrature quadrature = Quadrature.gaussHermite(Quadrature.DEFAULT_NODES);
    private double slopeLowerBound = 1e-4;
    private double thetaLower = -6;
    private double thetaUpper = 6;
    private double gradientTolerance = 1e-9;
    private int maxIterations = 200;
    private double maxDiscrimination = 10;
    private double ridge = 1e-8;
    private boolean referenceScoring;
    private int maxHessianItems = 200;
    private boolean ppiOwnPosteriors;

    private Builder() {
    }

    /**
     * @param points Gauss-Hermite nodes, 2 to 200 (default 31)
     * @return this
     */
    public Builder quadraturePoints(int points) {
      this.quadrature = Quadrature.gaussHermite(points);
      return this;
    }

    /**
     * @param grid a caller-supplied grid
     * @return this
     */
    public Builder quadrature(Quadrature grid) {
      this.quadrature = grid;
      return this;
    }

    /**
     * @param bound smallest allowed discrimination, finite (default 1e-4)
     * @return this
     */
    public Builder slopeLowerBound(double bound) {
      require(Double.isFinite(bound), "slope lower bound must be finite, found " + bound);
      this.slopeLowerBound = bound;
      return this;
    }

    /**
     * @param lower lower ability bound (default -6)
     * @param upper upper ability bound, above lower (default 6)
     * @return this
     */
    public Builder thetaBounds(double lower, double upper) {
      require(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper,
          "theta bounds must be finite and increasing, found " + lower + ", " + upper);
      this.thetaLower = lower;
      this.thetaUpper = upper;
      return this;
    }

    /**
     * @param tolerance positive gradient tolerance (default 1e-9)
     * @return this
     */
    public Builder gradientTolerance(double tolerance) {
      require(tolerance > 0, "gradient tolerance must be positive, found " + tolerance);
      this.gradientTolerance = tolerance;
      return this;
    }

    /**
     * @param iterations positive step limit (default 200)
     * @return this
     */
    public Builder maxIterations(int iterations) {
      require(iterations > 0, "max iterations must be positive, found " + iterations);
      this.maxIterations = iterations;
      return this;
    }

    /**
     * @param largest positive discrimination guard for tuning (default 10)
     * @return this
     */
    public Builder maxDiscrimination(double largest) {
      require(largest > 0, "max discrimination must be positive, found " + largest);
      this.maxDiscrimination = largest;
      return this;
    }

    /**
     * @param value non-negative first ridge (default 1e-8)
     * @return this
     */
    public Builder ridge(double value) {
      require(value >= 0, "ridge must not be negative, found " + value);
      this.ridge = value;
      return this;
    }

    /**
     * @param reference true to score abilities as the published R implementation does, for
     *     reproducing its numbers; false (default) for the exact bounded maximum
     * @return this
     */
    public Builder referenceScoring(boolean reference) {
      this.referenceScoring = reference;
      return this;
    }

    /**
     * @param items largest item count for the exact dense Hessian, positive (default 200)
     * @return this
     */
    public Builder maxHessianItems(int items) {
      require(items > 0, "max Hessian items must be positive, found " + items);
      this.maxHessianItems = items;
      return this;
    }

    /**
     * @param own true to score the predictions with their own posteriors in the PPI++ rule;
     *     false (default) for the paired humans' posteriors
     * @return this
     */
    public Builder ppiOwnPosteriors(boolean own) {
      this.ppiOwnPosteriors = own;
      return this;
    }

    /** @return the settings */
    public CalibrationSettings build() {
      return new CalibrationSettings(this);
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
