package io.github.msirt.cli;

import io.github.msirt.io.InputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The response files of a calibration: O, P, G and an optional scoring target. */
public final class ResponseFiles {
  @Option(names = "--observed", paramLabel = "PATH", required = true,
      description = "Human responses O: a CSV or Parquet file, or a folder of part files.")
  Path observed;

  @Option(names = "--predicted", paramLabel = "PATH",
      description = "Predictions P for O's respondents, paired by respondent id in any row "
          + "order (by position when a file has no id column). Needs --generated.")
  Path predicted;

  @Option(names = "--generated", paramLabel = "PATH",
      description = "Generated responses G, the large pool read by Spark: a file or a folder "
          + "of part files. Needs --predicted.")
  Path generated;

  @Option(names = "--target", paramLabel = "PATH",
      description = "For tune: respondents whose ability scores the tuning risk is about "
          + "(default: the "
          + "human rows).")
  Path target;

  @Option(names = "--drop-degenerate-items",
      description = "Leave out, with a warning, items of O that are never answered or have "
          + "no variance (all 0 or all 1 among the answered cells), from O, P and G alike; "
          + "without this option such items stop the run.")
  boolean dropDegenerateItems;

  /** @return whether degenerate items of O are left out instead of stopping the run */
  public boolean dropDegenerateItems() {
    return dropDegenerateItems;
  }

  /** @return the human responses */
  public Path observed() {
    return observed;
  }

  /** @return the predictions, or {@code null} */
  public Path predicted() {
    return predicted;
  }

  /** @return the generated responses, or {@code null} */
  public Path generated() {
    return generated;
  }

  /** @return the target population, or {@code null} */
  public Path target() {
    return target;
  }

  /**
   * @throws InputException if only one of P and G is given
   */
  void requirePredictionsWithGenerated() {
    if ((predicted == null) != (generated == null)) {
      throw new InputException("--predicted and --generated go together: "
          + "the generated pool is corrected by the predictions for the humans; give both "
          + "or neither");
    }
  }
}
