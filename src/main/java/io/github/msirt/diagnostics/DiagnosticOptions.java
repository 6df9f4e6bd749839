package io.github.msirt.diagnostics;

import io.github.msirt.tune.TuningOptions;

/**
 * Settings of the diagnostics.
 *
 * @param placeboSeed seed of the permutations that shuffle P's rows against O (default 1)
 * @param placeboDraws permutations evaluated with the PPI++ rule, at least 1 (default 20)
 * @param tuning the tuning options of the run; when given and the run was tuned by ability
 *     risk (plain or cross-fitted), that tuner is rerun on the first permutation, which
 *     costs as much as the original tuning; null to use the PPI++ rule only
 * @param placeboMargin how far the real lambda must exceed the placebo lambda to count as
 *     clearly above it (default 0.05)
 * @param slopeTolerance a discrimination within this of the lower slope bound counts as at
 *     the bound (default 0.01)
 * @param thetaLower lowest ability of the information curves (default -4)
 * @param thetaUpper highest ability of the information curves (default 4)
 */
public record DiagnosticOptions(long placeboSeed, int placeboDraws, TuningOptions tuning,
    double placeboMargin, double slopeTolerance, double thetaLower, double thetaUpper) {

  /**
   * @throws IllegalArgumentException if a count or range is out of bounds
   */
  public DiagnosticOptions {
    if (placeboDraws < 1) {
      throw new IllegalArgumentException("placebo draws must be at least 1, found "
          + placeboDraws);
    }
    if (!(placeboMargin >= 0) || !(slopeTolerance >= 0) || !(thetaLower < thetaUpper)) {
      throw new IllegalArgumentException("margin and tolerance must not be negative and the "
          + "ability range must increase, found margin " + placeboMargin + ", tolerance "
          + slopeTolerance + ", range " + thetaLower + " to " + thetaUpper);
    }
  }

  /** @return the defaults, with the PPI++ placebo only */
  public static DiagnosticOptions defaults() {
    return new DiagnosticOptions(1L, 20, null, 0.05, 0.01, -4, 4);
  }

  /**
   * @param options the run's tuning options, so that its tuner is rerun on shuffled P
   * @return these options with the tuner placebo
   */
  public DiagnosticOptions withTuning(TuningOptions options) {
    return new DiagnosticOptions(placeboSeed, placeboDraws, options, placeboMargin,
        slopeTolerance, thetaLower, thetaUpper);
  }
}
