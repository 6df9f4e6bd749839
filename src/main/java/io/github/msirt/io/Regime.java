package io.github.msirt.io;

import java.util.Locale;

/**
 * How simulated predictions P relate to the human responses O, and which model draws the
 * generated responses G.
 */
public enum Regime {
  /** P equals O; G comes from the true model. */
  PERFECT,
  /** P is a fresh draw from the true model on O's abilities; G comes from the true model. */
  SAME_MODEL,
  /** P holds O's rows in a random order, so pairs do not match; G from the true model. */
  SHUFFLED,
  /**
   * P and G come from shifted parameters: {@code a' = max(0.4, 0.9 a + N(0, 0.05^2))},
   * {@code d' = d + 0.25 + N(0, 0.15^2)}; P on O's abilities.
   */
  BIASED,
  /**
   * P and G come from unrelated parameters: {@code a' = max(0.05, |N(0, 0.1^2)|)},
   * {@code d' ~ N(0, 2^2)}; P on O's abilities.
   */
  NOISY;

  /**
   * @param text {@code perfect}, {@code same-model}, {@code shuffled}, {@code biased} or
   *     {@code noisy}, case-insensitive
   * @return the regime
   * @throws InputException for any other text
   */
  public static Regime parse(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Regime regime : values()) {
      if (regime.name().equals(name)) {
        return regime;
      }
    }
    throw new InputException("regime \"" + text + "\" is not known; use perfect, same-model, "
        + "shuffled, biased or noisy");
  }

  /** @return the name as written on the command line, for example {@code same-model} */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @return whether P and G use the model's own shifted parameters rather than the truth */
  boolean shiftsParameters() {
    return this == BIASED || this == NOISY;
  }
}
