package io.github.msirt.cli;

import io.github.msirt.io.InputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code msirt calibrate}: fit the item parameters at a given lambda. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Fit the 2PL item parameters from human responses O, corrected by paired "
            + "predictions P and generated responses G at a fixed lambda:",
        "  minimise L_O + lambda * (L_G - L_P).",
        "lambda = 0 (or no P and G) is the human-only marginal ML fit.",
        "Writes item_parameters.csv, vcov.csv and summary.json to --out."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:failure while running", "2:bad input or options"})
public final class CalibrateCommand implements Callable<Integer> {
  @Mixin
  ResponseFiles files;

  @Option(names = "--lambda", paramLabel = "X", defaultValue = "0",
      description = "Weight of the correction L_G - L_P, in [0, 1]; 0, the default, is the "
          + "human-only fit.")
  double lambda;

  @Mixin
  ModelOptions model;

  @Mixin
  ReadingOptions reading;

  @Mixin
  SparkOptions spark;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOption config;

  private final JobRunner runner;

  CalibrateCommand(JobRunner runner) {
    this.runner = runner;
  }

  /** @return O, P, G and target paths */
  public ResponseFiles files() {
    return files;
  }

  /**
   * @return lambda
   * @throws InputException unless in [0, 1]
   */
  public double lambda() {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new InputException("--lambda must be in [0, 1], found " + lambda);
    }
    return lambda;
  }

  /** @return quadrature and ability bounds */
  public ModelOptions model() {
    return model;
  }

  /** @return how to read the inputs */
  public ReadingOptions reading() {
    return reading;
  }

  /** @return Spark master and partitions */
  public SparkOptions spark() {
    return spark;
  }

  /** @return the output folder */
  public OutputOptions output() {
    return output;
  }

  /**
   * Checks the options, then runs the job.
   *
   * @return the exit status
   * @throws Exception from the job
   */
  @Override
  public Integer call() throws Exception {
    files.requirePredictionsWithGenerated();
    if (lambda() > 0 && files.predicted() == null) {
      throw new InputException("--lambda " + lambda + " weights the generated responses; "
          + "give --predicted and --generated, or use --lambda 0 for the human-only fit");
    }
    model.toSettings();
    reading.toReadOptions();
    spark.partitions();
    output.requireUsable();
    return runner.calibrate(this);
  }
}
