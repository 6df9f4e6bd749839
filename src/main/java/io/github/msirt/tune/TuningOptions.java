package io.github.msirt.tune;

import io.github.msirt.model.ResponseMatrix;

/**
 * How lambda is chosen.
 *
 * @param tuner which rule chooses lambda
 * @param search for the ability-risk tuners: a grid or a 1-D search
 * @param grid candidate lambdas for the grid, in [0, 1]; the search uses its range
 * @param folds number of cross-fitting folds, at least 2 (default 2)
 * @param foldAssignment a fold label per human row, or null to draw folds at random
 * @param seed seed for random folds
 * @param target rows whose ability scores the risk is about, or null for the human rows
 */
public record TuningOptions(Tuner tuner, Search search, double[] grid, int folds,
    int[] foldAssignment, long seed, ResponseMatrix target) {

  /** Which rule chooses lambda. */
  public enum Tuner {
    /** Ability-risk tuning cross-fitted over folds of the human rows. */
    CROSSFIT,
    /** Ability-risk tuning on all human rows. */
    ABILITY_RISK,
    /** The closed-form PPI++ trace rule. */
    PPI
  }

  /** How an ability-risk tuner searches. */
  public enum Search {
    /** Evaluate every grid point. */
    GRID,
    /** Brent's 1-D search over the grid's range, both ends evaluated. */
    OPTIMIZE
  }

  /** The default grid 0, 0.1, ..., 1. */
  public static final double[] DEFAULT_GRID =
      {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

  /** @return cross-fitting with a 1-D search on 2 random folds, seed 1 */
  public static TuningOptions defaults() {
    return new TuningOptions(Tuner.CROSSFIT, Search.OPTIMIZE, DEFAULT_GRID, 2, null, 1L, null);
  }
}
