package io.github.msirt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where results go. */
public final class OutputOptions {
  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder. It appears only when every file in it is complete; an "
          + "existing folder is refused unless --overwrite is given.")
  Path out;

  @Option(names = "--overwrite",
      description = "Replace an existing output folder (only once the new one is complete).")
  boolean overwrite;

  /** @return the output folder */
  public Path out() {
    return out;
  }

  /**
   * Fails fast, before Spark starts, when the output folder would be refused.
   *
   * @throws io.github.msirt.io.InputException if --out is a file, or exists without
   *     --overwrite
   */
  void requireUsable() {
    io.github.msirt.io.OutputFolder.requireReplaceable(out, overwrite);
  }

  /** @return whether an existing output folder may be replaced */
  public boolean overwrite() {
    return overwrite;
  }
}
