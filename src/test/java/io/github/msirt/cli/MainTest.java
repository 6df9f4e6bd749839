package io.github.msirt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.io.SparkTestBase;
import io.github.msirt.tune.TuningOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: help, configuration defaults, exit status and the simulate job. */
class MainTest extends SparkTestBase {
  @TempDir
  Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(JobRunner.UNAVAILABLE, new PrintWriter(out, true), new PrintWriter(err, true),
        args);
  }

  private void assertOneLineError() {
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
  }

  @ParameterizedTest
  @CsvSource({
      "calibrate, --observed --predicted --generated --target --lambda --quadrature-points "
          + "--theta-bounds --id-column --format --layout --missing-tokens --recode --master "
          + "--partitions --out --overwrite --config",
      "tune, --observed --predicted --generated --target --tuner --search --lambda-grid "
          + "--folds --fold-file --seed --quadrature-points --theta-bounds --id-column "
          + "--format --layout --partitions --master --out --overwrite --config",
      "score, --calibration --responses --theta-bounds --id-column --format --layout --out "
          + "--overwrite --config",
      "simulate, --items --n-observed --n-generated --regime --seed --format --partitions "
          + "--master --out --overwrite --config"})
  void helpListsEveryOptionOfTheSubcommand(String command, String options) {
    assertEquals(0, run(command, "--help"));

    for (String option : options.split(" ")) {
      assertTrue(out.toString().contains(option), command + " help lacks " + option);
    }
    assertTrue(out.toString().contains("bad input or options"), out.toString());
  }

  @Test
  void simulateWritesTheThreeInputs() throws IOException {
    Path dir = temp.resolve("sim");

    int status = run("simulate", "--items", "4", "--n-observed", "50", "--n-generated", "200",
        "--regime", "biased", "--seed", "3", "--partitions", "2", "--out", dir.toString());

    assertEquals(0, status, err.toString());
    assertTrue(Files.exists(dir.resolve("observed.csv")));
    assertTrue(Files.exists(dir.resolve("predicted.csv")));
    assertTrue(Files.isDirectory(dir.resolve("generated")));
    assertTrue(Files.readString(dir.resolve("simulation.json")).contains("\"biased\""));
  }

  @Test
  void configFileGivesDefaultsThatFlagsOverride() throws IOException {
    Path config = temp.resolve("msirt.properties");
    Files.write(config, List.of("simulate.seed=7", "regime=noisy", "items=3"));

    int status = run("simulate", "--config", config.toString(), "--n-observed", "20",
        "--n-generated", "40", "--partitions", "1", "--regime", "perfect",
        "--out", temp.resolve("sim").toString());

    assertEquals(0, status, err.toString());
    String description = Files.readString(temp.resolve("sim").resolve("simulation.json"));
    assertTrue(description.contains("\"seed\" : 7"), description);
    assertTrue(description.contains("\"items\" : 3"), description);
    assertTrue(description.contains("\"perfect\""), description);
  }

  @Test
  void projectConfigurationFileNamesOnlyKnownOptions() {
    Path config = Path.of("conf", "msirt.properties");

    int status = run("tune", "--config", config.toString(), "--help");

    assertEquals(0, status, err.toString());
    assertTrue(out.toString().contains("(default: optimize)"), out.toString());
  }

  @Test
  void unknownConfigurationKeyIsBadInput() throws IOException {
    Path config = temp.resolve("msirt.properties");
    Files.write(config, List.of("quadrature-point=61"));

    assertEquals(Main.BAD_INPUT, run("tune", "--config", config.toString(), "--help"));
    assertTrue(err.toString().contains("key \"quadrature-point\" names no option"));
    assertOneLineError();
  }

  @Test
  void missingRequiredOptionIsBadInputOnOneLine() {
    assertEquals(Main.BAD_INPUT, run("simulate", "--items", "3"));

    assertTrue(err.toString().startsWith("msirt simulate: Missing required option"),
        err.toString());
    assertOneLineError();
  }

  @Test
  void unknownRegimeIsBadInputBeforeSparkStarts() {
    assertEquals(Main.BAD_INPUT, run("simulate", "--items", "3", "--n-observed", "5",
        "--n-generated", "5", "--regime", "oracle", "--out", temp.resolve("x").toString()));

    assertTrue(err.toString().contains("regime \"oracle\" is not known"), err.toString());
    assertOneLineError();
  }

  @Test
  void existingOutputFolderIsBadInput() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("taken"));

    assertEquals(Main.BAD_INPUT, run("simulate", "--items", "3", "--n-observed", "5",
        "--n-generated", "5", "--partitions", "1", "--out", dir.toString()));

    assertTrue(err.toString().contains("--overwrite"), err.toString());
    assertOneLineError();
  }

  @Test
  void lambdaOutsideTheUnitIntervalIsBadInput() {
    assertEquals(Main.BAD_INPUT, run("calibrate", "--observed", "o.csv", "--lambda", "1.5",
        "--out", temp.resolve("x").toString()));

    assertTrue(err.toString().contains("--lambda must be in [0, 1], found 1.5"), err.toString());
  }

  @Test
  void badThetaBoundsAreBadInput() {
    assertEquals(Main.BAD_INPUT, run("calibrate", "--observed", "o.csv", "--lambda", "0",
        "--theta-bounds", "6,-6", "--out", temp.resolve("x").toString()));

    assertTrue(err.toString().contains("--theta-bounds must be two numbers"), err.toString());
  }

  @Test
  void estimationWithoutAnAttachedWorkflowFailsWithStatusOne() {
    int status = run("calibrate", "--observed", "o.csv", "--lambda", "0", "--out",
        temp.resolve("x").toString());

    assertEquals(Main.FAILURE, status);
    assertTrue(err.toString().contains("calibrate is not available"), err.toString());
    assertFalse(Files.exists(temp.resolve("x")));
  }

  /** Records the options a subcommand hands to the runner. */
  private static final class Capture implements JobRunner {
    private TuneCommand tune;
    private CalibrateCommand calibrate;

    @Override
    public int calibrate(CalibrateCommand command) {
      calibrate = command;
      return 0;
    }

    @Override
    public int tune(TuneCommand command) {
      tune = command;
      return 0;
    }

    @Override
    public int score(ScoreCommand command) {
      return 0;
    }
  }

  @Test
  void negativeThetaBoundIsReadAsAValue() {
    Capture capture = new Capture();

    int status = Main.run(capture, new PrintWriter(out, true), new PrintWriter(err, true),
        "calibrate", "--observed", "o.csv", "--predicted", "p.csv", "--generated", "g.csv",
        "--lambda", "0.5", "--theta-bounds", "-4,4", "--out", "x");

    assertEquals(0, status, err.toString());
    assertEquals(-4.0, capture.calibrate.model().thetaBounds()[0]);
    assertEquals(0.5, capture.calibrate.lambda());
  }

  @Test
  void positiveLambdaWithoutPredictionsIsRefusedBeforeAnyWork() {
    Capture capture = new Capture();

    int status = Main.run(capture, new PrintWriter(out, true), new PrintWriter(err, true),
        "calibrate", "--observed", "o.csv", "--lambda", "0.5", "--out", "x");

    assertEquals(2, status);
    assertTrue(err.toString().contains("--predicted and --generated"), err.toString());
    assertEquals(null, capture.calibrate, "the job must not start");
  }

  @Test
  void projectConfigurationFileSetsTheTuningDefaults() {
    Capture capture = new Capture();

    int status = Main.run(capture, new PrintWriter(out, true), new PrintWriter(err, true),
        "tune", "--config", "conf/msirt.properties", "--observed", "o.csv", "--predicted",
        "p.csv", "--generated", "g", "--folds", "3", "--out", "x");

    assertEquals(0, status, err.toString());
    TuningOptions options = capture.tune.tuningOptions(null, null);
    assertEquals(11, options.grid().length);
    assertEquals(3, options.folds());
    assertEquals(TuningOptions.Search.OPTIMIZE, options.search());
    assertEquals(31, capture.tune.model().toSettings().quadrature().size());
  }

  @Test
  void tuneOptionsBecomeTuningSettings() {
    JobRunner capture = new JobRunner() {
      @Override
      public int calibrate(CalibrateCommand command) {
        return 9;
      }

      @Override
      public int tune(TuneCommand command) {
        assertEquals(TuningOptions.Tuner.ABILITY_RISK,
            command.tuningOptions(null, null).tuner());
        assertEquals(3, command.tuningOptions(null, null).grid().length);
        return 0;
      }

      @Override
      public int score(ScoreCommand command) {
        return 9;
      }
    };

    int status = Main.run(capture, new PrintWriter(out, true), new PrintWriter(err, true),
        "tune", "--observed", "o.csv", "--predicted", "p.csv", "--generated", "g",
        "--tuner", "ability-risk", "--lambda-grid", "0,0.5,1", "--out", "x");

    assertEquals(0, status, err.toString());
  }
}
