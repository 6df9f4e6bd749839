package io.github.msirt.study;

import io.github.msirt.estimate.NodeTable;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Draws the data of one replication. The humans, their responses O and the held-out
 * respondents are shared by every regime of the replication, so that regimes differ only
 * in their predictions; each regime then has its own random stream for P and G.
 */
final class Simulation {
  private final StudyDesign design;
  private final ItemParameters truth;
  private final long seed;
  private final double[] abilities;
  private final ResponseMatrix observed;
  private final double[] heldOutAbilities;
  private final ResponseMatrix heldOut;

  /**
   * @param design sizes and true items
   * @param seed the replication's seed
   */
  Simulation(StudyDesign design, long seed) {
    this.design = design;
    this.truth = design.truth();
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    this.abilities = normals(random, design.humans());
    this.observed = responses(truth, abilities, random);
    this.heldOutAbilities = normals(random, design.heldOut());
    this.heldOut = responses(truth, heldOutAbilities, random);
  }

  /** The predictions and generated rows of one regime. */
  record RegimeData(ItemParameters predictorItems, ResponseMatrix predicted,
      ResponseMatrix generated) {
  }

  /**
   * @param regime the regime
   * @return P on the humans' abilities and G on fresh abilities, from the regime's items
   */
  RegimeData draw(Regime regime) {
    SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L
        * (regime.ordinal() + 1)));
    ItemParameters items = regime.predictorItems(truth, random);
    ResponseMatrix predicted = regime.copiesObserved() ? observed
        : responses(items, abilities, random);
    ResponseMatrix generated = responses(items, normals(random, design.generated()), random);
    return new RegimeData(items, predicted, generated);
  }

  /**
   * 2PL responses: cell {@code (i, j)} is 1 with probability {@code logistic(d_j + a_j t_i)}.
   *
   * @param items item parameters
   * @param thetas one ability per row
   * @param random the stream
   * @return the responses, without missing cells
   */
  static ResponseMatrix responses(ItemParameters items, double[] thetas,
      RandomGenerator random) {
    int width = items.itemCount();
    byte[] cells = new byte[thetas.length * width];
    for (int i = 0; i < thetas.length; i++) {
      for (int j = 0; j < width; j++) {
        double p = NodeTable.logistic(items.intercept(j) + items.discrimination(j) * thetas[i]);
        cells[i * width + j] = (byte) (random.nextDouble() < p ? 1 : 0);
      }
    }
    return ResponseMatrix.of(items.items(), cells, null, null);
  }

  private static double[] normals(RandomGenerator random, int count) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = random.nextGaussian();
    }
    return values;
  }

  /** @return the true items */
  ItemParameters truth() {
    return truth;
  }

  /** @return the human responses O */
  ResponseMatrix observed() {
    return observed;
  }

  /** @return the held-out respondents' true abilities */
  double[] heldOutAbilities() {
    return heldOutAbilities.clone();
  }

  /** @return the held-out respondents' responses to the true items */
  ResponseMatrix heldOut() {
    return heldOut;
  }
}
