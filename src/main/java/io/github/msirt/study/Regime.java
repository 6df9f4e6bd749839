package io.github.msirt.study;

import io.github.msirt.model.ItemParameters;
import java.util.random.RandomGenerator;

/**
 * How the language model's predictions P and generated responses G relate to the true
 * items. In every regime P is drawn on the humans' own abilities and G on fresh abilities,
 * both from the same predictor items, so that {@code L_G - L_P} has mean zero.
 */
public enum Regime {
  /** P is a copy of O and G is drawn from the true items. */
  PERFECT("perfect (P = O)"),

  /** P and G are fresh draws from the true items. */
  SAME_MODEL("same model"),

  /**
   * Predictor items unrelated to the truth, drawn once per replication:
   * {@code a = max(0.05, |N(0, 0.1)|)} and {@code d ~ N(0, 2)}, with 0.1 and 2 the
   * standard deviations.
   */
  INDEPENDENT_NOISE("independent noise"),

  /**
   * A systematically shifted model, drawn once per replication:
   * {@code a = max(0.4, 0.9 a + N(0, 0.05))} and {@code d = d + 0.25 + N(0, 0.15)}.
   */
  LLM_SHIFT("LLM shift");

  private final String label;

  Regime(String label) {
    this.label = label;
  }

  /** @return a short human-readable name for tables and figures */
  public String label() {
    return label;
  }

  /** @return whether P is a copy of O rather than a draw */
  public boolean copiesObserved() {
    return this == PERFECT;
  }

  /**
   * Draws the items that generate P and G in this regime.
   *
   * @param truth the true item parameters
   * @param random the replication's random stream for this regime
   * @return the predictor's items; the truth itself for {@link #PERFECT} and
   *     {@link #SAME_MODEL}
   */
  public ItemParameters predictorItems(ItemParameters truth, RandomGenerator random) {
    int count = truth.itemCount();
    double[] a = new double[count];
    double[] d = new double[count];
    for (int j = 0; j < count; j++) {
      switch (this) {
        case INDEPENDENT_NOISE -> {
          a[j] = Math.max(0.05, Math.abs(0.1 * random.nextGaussian()));
          d[j] = 2 * random.nextGaussian();
        }
        case LLM_SHIFT -> {
          a[j] = Math.max(0.4, 0.9 * truth.discrimination(j) + 0.05 * random.nextGaussian());
          d[j] = truth.intercept(j) + 0.25 + 0.15 * random.nextGaussian();
        }
        default -> {
          a[j] = truth.discrimination(j);
          d[j] = truth.intercept(j);
        }
      }
    }
    return new ItemParameters(truth.items(), a, d);
  }
}
