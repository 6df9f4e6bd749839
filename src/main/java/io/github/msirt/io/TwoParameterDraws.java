package io.github.msirt.io;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Draws 2PL responses, {@code P(y = 1 | theta) = 1 / (1 + exp(-(a theta + d)))}, from a
 * random stream of its own for every row, so that a row's draw depends only on the seed, the
 * stream and the row index, never on how rows are split among Spark partitions.
 */
final class TwoParameterDraws implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Stream of the human responses O. */
  static final long OBSERVED_STREAM = 1;
  /** Stream of a fresh prediction draw P. */
  static final long PREDICTED_STREAM = 2;
  /** Stream of the generated responses G. */
  static final long GENERATED_STREAM = 3;

  private final double[] discriminations;
  private final double[] intercepts;

  TwoParameterDraws(double[] discriminations, double[] intercepts) {
    this.discriminations = discriminations.clone();
    this.intercepts = intercepts.clone();
  }

  /**
   * @param seed the run's seed
   * @param stream which kind of draw
   * @param row the row index
   * @return a generator for that row alone
   */
  static SplittableRandom rowRandom(long seed, long stream, long row) {
    return new SplittableRandom(mix(mix(seed ^ stream * 0x9E3779B97F4A7C15L) + row));
  }

  // The 64-bit finaliser of MurmurHash3: neighbouring inputs give unrelated seeds.
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** @return the number of items */
  int itemCount() {
    return discriminations.length;
  }

  /**
   * @param theta the ability
   * @param random the row's generator
   * @param responses receives one 0/1 response per item
   */
  void draw(double theta, SplittableRandom random, byte[] responses) {
    for (int j = 0; j < discriminations.length; j++) {
      double probability = 1.0 / (1.0 + Math.exp(-(discriminations[j] * theta + intercepts[j])));
      responses[j] = (byte) (random.nextDouble() < probability ? 1 : 0);
    }
  }
}
