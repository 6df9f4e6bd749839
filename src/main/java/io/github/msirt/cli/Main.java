package io.github.msirt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code msirt} command: subcommands {@code calibrate}, {@code tune}, {@code score},
 * {@code simulate} and {@code study}.
 *
 * <p>Exit status: 0 on success, 2 on bad input or options (one line on standard error naming
 * what is wrong and how to fix it), 1 on any other failure.
 */
@Command(name = "msirt", mixinStandardHelpOptions = true, version = "msirt 0.1.0",
    description = "Mixed-subjects IRT calibration: 2PL item parameters from human responses, "
        + "corrected by LLM predictions and a large pool of LLM-generated responses.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:failure while running", "2:bad input or options"})
public final class Main implements Callable<Integer> {
  /** Exit status for bad input or options. */
  public static final int BAD_INPUT = 2;

  /** Exit status for any other failure. */
  public static final int FAILURE = 1;

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private static final String CONFIG = "--config";

  @Spec
  CommandSpec spec;

  private Main() {
  }

  /**
   * Runs the command line with the standard streams and exits with its status.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(new CalibrationJob(), out, err, args));
  }

  /**
   * Parses the arguments, applies {@code --config} defaults, and runs the subcommand.
   *
   * @param runner runs calibrate, tune and score
   * @param out standard output
   * @param err standard error, which gets the one-line error messages
   * @param args command-line arguments
   * @return the exit status
   */
  public static int run(JobRunner runner, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine(runner, out, err);
    try {
      Path config = configFile(args);
      if (config != null) {
        commandLine.setDefaultValueProvider(
            ConfigDefaults.load(config, commandLine.getCommandSpec()));
      }
    } catch (IllegalArgumentException badConfig) {
      err.println("msirt: " + oneLine(badConfig.getMessage()));
      return BAD_INPUT;
    }
    return commandLine.execute(args);
  }

  private static CommandLine commandLine(JobRunner runner, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.addSubcommand(new CalibrateCommand(runner));
    commandLine.addSubcommand(new TuneCommand(runner));
    commandLine.addSubcommand(new ScoreCommand(runner));
    commandLine.addSubcommand(new SimulateCommand());
    commandLine.addSubcommand(new StudyCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(Main::badOptions);
    commandLine.setExecutionExceptionHandler(Main::failed);
    return commandLine;
  }

  // Finds --config FILE or --config=FILE before parsing, since defaults must be known then.
  private static Path configFile(String[] args) {
    for (int index = 0; index < args.length; index++) {
      if (args[index].equals(CONFIG) && index + 1 < args.length) {
        return Path.of(args[index + 1]);
      }
      if (args[index].startsWith(CONFIG + "=")) {
        return Path.of(args[index].substring(CONFIG.length() + 1));
      }
    }
    return null;
  }

  private static int badOptions(ParameterException problem, String[] args) {
    CommandLine command = problem.getCommandLine();
    command.getErr().println(command.getCommandSpec().qualifiedName() + ": "
        + oneLine(problem.getMessage()) + "; see '"
        + command.getCommandSpec().qualifiedName() + " --help'");
    return BAD_INPUT;
  }

  private static int failed(Exception failure, CommandLine command, ParseResult parsed) {
    String name = command.getCommandSpec().qualifiedName();
    if (failure instanceof IllegalArgumentException) {
      command.getErr().println(name + ": " + oneLine(failure.getMessage()));
      return BAD_INPUT;
    }
    LOG.debug("{} failed", name, failure);
    String what = failure instanceof UnsupportedOperationException ? failure.getMessage()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    command.getErr().println(name + ": " + oneLine(what));
    return FAILURE;
  }

  private static String oneLine(String message) {
    String text = message == null ? "no details" : message;
    return text.lines().findFirst().orElse("no details").strip();
  }

  /**
   * Without a subcommand, prints the usage to standard error.
   *
   * @return {@value #BAD_INPUT}, since a subcommand is needed
   */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }
}
