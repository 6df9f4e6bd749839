package io.github.msirt.cli;

import io.github.msirt.io.InputException;
import io.github.msirt.io.OutputFolder;
import io.github.msirt.study.Study;
import io.github.msirt.study.StudyDesign;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code msirt study}: the method's simulation study, replications spread over Spark. */
@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run the validation study of the mixed-subjects estimator: 8 items (a from 0.8 to "
            + "1.6, d from -1.1 to 1.1), n humans and N generated respondents, four "
            + "predictor regimes (perfect, same model, independent noise, LLM shift).",
        "Reports per regime the selected lambda of the ability-risk and PPI++ tuners, "
            + "coverage of 90%% and 95%% Wald intervals at lambda 0.5 with the Louis and the "
            + "complete-data bread, bias, held-out ability RMSE and cross-fit lambdas.",
        "Writes CSV and Markdown tables and SVG figures to --out."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:failure while running", "2:bad input or options"})
public final class StudyCommand implements Callable<Integer> {
  @Option(names = "--replications", paramLabel = "R", defaultValue = "200",
      description = "Replications per regime (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--n-observed", paramLabel = "n", defaultValue = "400",
      description = "Human respondents per replication (default: ${DEFAULT-VALUE}).")
  int humans;

  @Option(names = "--n-generated", paramLabel = "N", defaultValue = "1200",
      description = "Generated respondents per replication (default: ${DEFAULT-VALUE}).")
  int generated;

  @Mixin
  SparkOptions spark;

  @Mixin
  OutputOptions output;

  @Mixin
  ConfigOption config;

  @Spec
  CommandSpec spec;

  /**
   * Runs the study into a staging folder that appears as --out when complete.
   *
   * @return 0
   */
  @Override
  public Integer call() {
    if (replications < 1) {
      throw new InputException("--replications must be at least 1, found " + replications);
    }
    if (humans < 10 || generated < 1) {
      throw new InputException("--n-observed must be at least 10 and --n-generated at "
          + "least 1, found " + humans + " and " + generated);
    }
    StudyDesign design = StudyDesign.builder().sampleSizes(humans, generated).build();
    try (SparkSessions sessions = SparkSessions.open(spark.master(), "msirt study");
        OutputFolder folder = OutputFolder.open(output.out(), output.overwrite())) {
      Study.Outcome outcome =
          Study.run(sessions.session(), replications, seed, folder.staging(), design);
      spec.commandLine().getOut().println(folder.commit() + " (" + outcome.replications()
          + " replications in " + Math.round(outcome.wallSeconds()) + " s)");
    }
    return 0;
  }
}
