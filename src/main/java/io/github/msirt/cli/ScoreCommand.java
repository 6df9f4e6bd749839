package io.github.msirt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code msirt score}: ability scores of respondents from a saved calibration. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Score respondents' abilities with the item parameters of a saved calibration: "
            + "bounded maximum-likelihood theta with its standard error.",
        "Items match the calibration's by name, in any column order.",
        "Writes scores.csv (respondent_id,theta,se,status) to --out; status is interior, "
            + "lower_bound, upper_bound (se infinite) or no_responses."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:failure while running", "2:bad input or options"})
public final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--calibration", paramLabel = "DIR", required = true,
      description = "The calibration/ folder written by calibrate or tune.")
  Path calibration;

  @Option(names = "--responses", paramLabel = "PATH", required = true,
      description = "Responses to score: a CSV or Parquet file, or a folder of part files.")
  Path responses;

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

  ScoreCommand(JobRunner runner) {
    this.runner = runner;
  }

  /** @return the saved calibration folder */
  public Path calibration() {
    return calibration;
  }

  /** @return the responses to score */
  public Path responses() {
    return responses;
  }

  /** @return quadrature and ability bounds */
  public ModelOptions model() {
    return model;
  }

  /** @return how to read the responses */
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
    model.toSettings();
    reading.toReadOptions();
    spark.partitions();
    output.requireUsable();
    return runner.score(this);
  }
}
