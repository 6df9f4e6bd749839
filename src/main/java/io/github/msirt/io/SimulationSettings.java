package io.github.msirt.io;

/**
 * What {@link Simulator} writes.
 *
 * @param items number of items J, at least 1
 * @param observedRespondents number of human respondents n in O (and rows of P), at least 1
 * @param generatedRespondents number of generated respondents N in G, at least 1
 * @param regime how P and G relate to the truth
 * @param seed the seed every random draw derives from
 * @param format CSV or Parquet
 * @param partitions Spark partitions (and part files) for G, at least 1
 */
public record SimulationSettings(int items, int observedRespondents, long generatedRespondents,
    Regime regime, long seed, FileFormat format, int partitions) {

  /**
   * @throws InputException if a count is below 1 or a setting is absent
   */
  public SimulationSettings {
    requirePositive("--items", items);
    requirePositive("--n-observed", observedRespondents);
    requirePositive("--n-generated", generatedRespondents);
    requirePositive("--partitions", partitions);
    if (regime == null || format == null) {
      throw new InputException("simulate needs a --regime and a --format");
    }
  }

  private static void requirePositive(String option, long value) {
    if (value < 1) {
      throw new InputException(option + " must be at least 1, found " + value);
    }
  }
}
