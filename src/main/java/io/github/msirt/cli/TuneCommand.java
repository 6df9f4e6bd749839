package io.github.msirt.cli;

import io.github.msirt.io.InputException;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.tune.TuningOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code msirt tune}: choose lambda, then fit at it. */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Choose lambda, the weight of the generated responses, then fit the 2PL item "
            + "parameters at it. Needs O, P and G.",
        "Tuners: crossfit (ability risk chosen on other folds of the human pairs), "
            + "ability-risk (ability risk on all human rows), ppi (closed-form PPI++ rule).",
        "Writes item_parameters.csv, vcov.csv, lambda_tuning.csv and summary.json to --out."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:failure while running", "2:bad input or options"})
public final class TuneCommand implements Callable<Integer> {
  @Mixin
  ResponseFiles files;

  @Option(names = "--tuner", paramLabel = "crossfit|ability-risk|ppi",
      defaultValue = "crossfit",
      description = "How lambda is chosen (default: ${DEFAULT-VALUE}).")
  String tuner;

  @Option(names = "--search", paramLabel = "grid|optimize", defaultValue = "optimize",
      description = "For the ability-risk tuners: every point of --lambda-grid, or Brent's "
          + "1-D search over the grid's range (default: ${DEFAULT-VALUE}).")
  String search;

  @Option(names = "--lambda-grid", paramLabel = "LIST", split = ",",
      defaultValue = "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1",
      description = "Candidate lambdas in [0, 1] (default: ${DEFAULT-VALUE}).")
  List<Double> lambdaGrid;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "2",
      description = "Cross-fitting folds of the human pairs, at least 2 "
          + "(default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--fold-file", paramLabel = "FILE",
      description = "Folds chosen by you: columns respondent_id (the --id-column) and fold, "
          + "one row per human respondent; overrides --folds and --seed.")
  Path foldFile;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the random fold assignment (default: ${DEFAULT-VALUE}).")
  long seed;

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

  TuneCommand(JobRunner runner) {
    this.runner = runner;
  }

  /** @return O, P, G and target paths */
  public ResponseFiles files() {
    return files;
  }

  /** @return the fold file, or {@code null} for random folds */
  public Path foldFile() {
    return foldFile;
  }

  /**
   * @param foldAssignment a fold label per human row (from {@code --fold-file}), or null
   * @param target the target population, or null for the human rows
   * @return the tuning settings
   * @throws InputException for an unknown tuner or search, a lambda outside [0, 1], or
   *     fewer than 2 folds
   */
  public TuningOptions tuningOptions(int[] foldAssignment, ResponseMatrix target) {
    double[] grid = lambdaGrid.stream().mapToDouble(Double::doubleValue).toArray();
    for (double lambda : grid) {
      if (!(lambda >= 0 && lambda <= 1)) {
        throw new InputException("--lambda-grid values must be in [0, 1], found " + lambda);
      }
    }
    if (folds < 2) {
      throw new InputException("--folds must be at least 2, found " + folds);
    }
    return new TuningOptions(parseTuner(), parseSearch(), grid, folds, foldAssignment, seed,
        target);
  }

  private TuningOptions.Tuner parseTuner() {
    String name = tuner.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (TuningOptions.Tuner known : TuningOptions.Tuner.values()) {
      if (known.name().equals(name)) {
        return known;
      }
    }
    throw new InputException("--tuner \"" + tuner + "\" is not known; use crossfit, "
        + "ability-risk or ppi");
  }

  private TuningOptions.Search parseSearch() {
    String name = search.strip().toUpperCase(Locale.ROOT);
    for (TuningOptions.Search known : TuningOptions.Search.values()) {
      if (known.name().equals(name)) {
        return known;
      }
    }
    throw new InputException("--search \"" + search + "\" is not known; use grid or "
        + "optimize");
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
    if (files.predicted() == null) {
      throw new InputException("tune needs --predicted and --generated; to fit the humans "
          + "alone use calibrate --lambda 0");
    }
    tuningOptions(null, null);
    model.toSettings();
    reading.toReadOptions();
    spark.partitions();
    output.requireUsable();
    return runner.tune(this);
  }
}
