package io.github.msirt.cli;

import io.github.msirt.io.InputException;
import picocli.CommandLine.Option;

/** Where Spark runs and how finely the generated responses are split. */
public final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: local[*], or what spark-submit sets).")
  String master;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spark partitions for the generated responses (default: Spark's "
          + "default parallelism).")
  Integer partitions;

  /** @return the master asked for, or {@code null} to use spark-submit's or local[*] */
  public String master() {
    return master;
  }

  /**
   * @return the partitions asked for, or {@code null} for Spark's default
   * @throws InputException if fewer than 1
   */
  public Integer partitions() {
    if (partitions != null && partitions < 1) {
      throw new InputException("--partitions must be at least 1, found " + partitions);
    }
    return partitions;
  }
}
