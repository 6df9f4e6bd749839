package io.github.msirt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.msirt.estimate.AbilityScore;
import io.github.msirt.estimate.AbilityScorer;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.LocalResponses;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.io.GeneratedReader;
import io.github.msirt.io.PairedResponses;
import io.github.msirt.io.ReadOptions;
import io.github.msirt.io.ResponseReader;
import io.github.msirt.io.ResponseTable;
import io.github.msirt.io.SparkTestBase;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Calibrator;
import io.github.msirt.tune.TuningOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The estimation jobs end to end through the real command line. */
class CalibrationJobTest extends SparkTestBase {
  private static final Path ICAR = Path.of("testdata", "icar-mixed");
  private static final Path SIMULATED = Path.of("testdata", "simulated");

  @TempDir
  Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(JobRunner runner, String... args) {
    return Main.run(runner, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private int run(String... args) {
    return run(new CalibrationJob(), args);
  }

  @Test
  void tuneOnIcarEqualsTheLibraryOnTheSameData() throws IOException {
    Path result = temp.resolve("icar");
    assertEquals(0, run("tune", "--observed", ICAR.resolve("observed.csv").toString(),
        "--predicted", ICAR.resolve("predicted.csv").toString(),
        "--generated", ICAR.resolve("generated.csv").toString(),
        "--out", result.toString()), err.toString());

    // The same data through the library, G in memory
    ReadOptions options = ReadOptions.defaults();
    ResponseReader reader = new ResponseReader(options, spark());
    ResponseTable observed = reader.read(ICAR.resolve("observed.csv"));
    PairedResponses paired =
        PairedResponses.pair(observed, reader.read(ICAR.resolve("predicted.csv")));
    ResponseMatrix generated = withoutEmptyRows(reader.read(ICAR.resolve("generated.csv"))
        .matrix().withItemOrder(paired.items()));
    MixedSubjectsData data = MixedSubjectsData.of(paired.observed(), paired.predicted(),
        LocalResponses.of(generated));
    CalibrationOutcome library = new Calibrator(CalibrationSettings.defaults())
        .tune(data, TuningOptions.defaults());

    // lambda, parameters and standard errors agree up to summation order
    JsonNode summary = new ObjectMapper().readTree(result.resolve("summary.json").toFile());
    assertEquals(library.lambda(), summary.path("lambda").asDouble(), 1e-9);
    assertEquals(509.0, summary.path("n_generated").asDouble());
    assertEquals(496.0, summary.path("n_observed").asDouble());
    List<String> lines = Files.readAllLines(result.resolve("item_parameters.csv"));
    assertEquals("item,a,d,b,se_a,se_d,se_b", lines.get(0));
    double[] se = library.covariance().standardErrors();
    int items = paired.items().size();
    for (int j = 0; j < items; j++) {
      String[] fields = lines.get(j + 1).split(",");
      assertEquals(paired.items().get(j), fields[0]);
      assertEquals(library.fit().parameters().discrimination(j),
          Double.parseDouble(fields[1]), 1e-8);
      assertEquals(library.fit().parameters().intercept(j), Double.parseDouble(fields[2]),
          1e-8);
      assertEquals(se[j], Double.parseDouble(fields[4]), 1e-8);
      assertEquals(se[items + j], Double.parseDouble(fields[5]), 1e-8);
    }
    for (String file : List.of("vcov.csv", "lambda_tuning.csv", "diagnostics.json",
        "report.html")) {
      assertTrue(Files.isRegularFile(result.resolve(file)), file);
    }
  }

  private static ResponseMatrix withoutEmptyRows(ResponseMatrix matrix) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < matrix.rowCount(); i++) {
      if (matrix.answeredCount(i) > 0) {
        kept.add(i);
      }
    }
    return matrix.selectRows(kept.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void calibrateWithOnlyHumansFitsTheHumanOnlyModel() throws IOException {
    Path result = temp.resolve("human");
    assertEquals(0, run("calibrate", "--observed", SIMULATED.resolve("observed.csv").toString(),
        "--out", result.toString()), err.toString());
    JsonNode summary = new ObjectMapper().readTree(result.resolve("summary.json").toFile());
    assertEquals(0.0, summary.path("lambda").asDouble());
    assertEquals("fixed", summary.path("tuner").asText());
    assertFalse(Files.exists(result.resolve("lambda_tuning.csv")));
    assertEquals(11, Files.readAllLines(result.resolve("vcov.csv")).size());
  }

  @Test
  void scoreReadsTheSavedCalibrationAndScoresEveryRow() throws IOException {
    Path calibrated = temp.resolve("calibrated");
    assertEquals(0, run("calibrate", "--observed", SIMULATED.resolve("observed.csv").toString(),
        "--predicted", SIMULATED.resolve("predicted.csv").toString(), "--generated",
        SIMULATED.resolve("generated.csv").toString(), "--lambda", "0.3",
        "--out", calibrated.toString()), err.toString());
    Path scored = temp.resolve("scored");
    assertEquals(0, run("score", "--calibration", calibrated.resolve("calibration").toString(),
        "--responses", SIMULATED.resolve("observed.csv").toString(),
        "--out", scored.toString()), err.toString());

    // Every row scored at the saved parameters, in file order, bounds flagged
    List<String> parameterLines = Files.readAllLines(calibrated.resolve("item_parameters.csv"));
    List<String> items = new ArrayList<>();
    double[] a = new double[parameterLines.size() - 1];
    double[] d = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      String[] fields = parameterLines.get(j + 1).split(",");
      items.add(fields[0]);
      a[j] = Double.parseDouble(fields[1]);
      d[j] = Double.parseDouble(fields[2]);
    }
    AbilityScorer scorer = new AbilityScorer(new ItemParameters(items, a, d), -6, 6);
    ResponseMatrix responses = new ResponseReader(ReadOptions.defaults(), spark())
        .read(SIMULATED.resolve("observed.csv")).matrix();
    List<String> scores = Files.readAllLines(scored.resolve("scores.csv"));
    assertEquals("respondent_id,theta,se,status", scores.get(0));
    assertEquals(responses.rowCount() + 1, scores.size());
    byte[] row = new byte[items.size()];
    for (int i = 0; i < responses.rowCount(); i++) {
      responses.copyRow(i, row);
      AbilityScore expected = scorer.score(row);
      String[] fields = scores.get(i + 1).split(",");
      assertEquals(Integer.toString(i + 1), fields[0]);
      assertEquals(expected.theta(), Double.parseDouble(fields[1]), 1e-12);
      assertEquals(expected.status().name().toLowerCase(java.util.Locale.ROOT), fields[3]);
    }
  }

  @Test
  void scoreRefusesAFolderThatIsNotACalibration() throws IOException {
    Path notCalibration = Files.createDirectories(temp.resolve("empty"));
    assertEquals(2, run("score", "--calibration", notCalibration.toString(), "--responses",
        SIMULATED.resolve("observed.csv").toString(), "--out", temp.resolve("out").toString()));
    assertTrue(err.toString().contains(notCalibration.getFileName().toString()),
        err.toString());
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void anExistingOutputFolderIsRefusedWithoutOverwrite() throws IOException {
    Path result = temp.resolve("twice");
    String[] args = {"calibrate", "--observed", SIMULATED.resolve("observed.csv").toString(),
        "--out", result.toString()};
    assertEquals(0, run(args));
    long modified = Files.getLastModifiedTime(result.resolve("summary.json")).toMillis();
    assertEquals(2, run(args));
    assertTrue(err.toString().contains("--overwrite"), err.toString());
    assertEquals(modified, Files.getLastModifiedTime(result.resolve("summary.json")).toMillis());
  }

  @Test
  void aFailureWhileWritingLeavesNothingBehind() throws IOException {
    Path result = temp.resolve("failed");
    CalibrationJob failing = new CalibrationJob(staging -> {
      assertTrue(Files.isRegularFile(staging.resolve("item_parameters.csv")));
      throw new IOException("disk full (injected)");
    });
    assertEquals(1, run(failing, "calibrate", "--observed",
        SIMULATED.resolve("observed.csv").toString(), "--out", result.toString()));
    assertTrue(err.toString().contains("disk full"), err.toString());
    try (Stream<Path> left = Files.list(temp)) {
      assertEquals(List.of(), left.toList(), "no output and no staging folder remain");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a value of 2 in O          | observed  | 7 | item03 | 2      | item03",
      "the word yes in P          | predicted | 4 | item01 | yes    | yes",
      "a fractional value in G    | generated | 9 | item05 | 0.7    | 0.7"})
  void aBadCellStopsTheJobNamingIt(String what, String file, int row, String item,
      String value, String expected) throws IOException {
    Inputs inputs = Inputs.copy(temp);
    inputs.replaceCell(file, row, item, value);
    assertBadInput(inputs.tuneArgs(temp.resolve("out")), expected);
  }

  @Test
  void anItemMissingFromPredictionsIsNamed() throws IOException {
    Inputs inputs = Inputs.copy(temp);
    inputs.dropColumn("predicted", "item04");
    assertBadInput(inputs.tuneArgs(temp.resolve("out")), "item04");
  }

  @Test
  void anExtraItemInGeneratedIsNamed() throws IOException {
    Inputs inputs = Inputs.copy(temp);
    inputs.addColumn("generated", "item99", "1");
    assertBadInput(inputs.tuneArgs(temp.resolve("out")), "item99");
  }

  @Test
  void duplicateIdsAreNamed() throws IOException {
    Inputs inputs = Inputs.copy(temp);
    inputs.replaceId("observed", 5, "r4");
    assertBadInput(inputs.tuneArgs(temp.resolve("out")), "r4");
  }

  @Test
  void predictionsForUnknownRespondentsAreNamed() throws IOException {
    Inputs inputs = Inputs.copy(temp);
    inputs.replaceId("predicted", 3, "stranger");
    assertBadInput(inputs.tuneArgs(temp.resolve("out")), "stranger");
  }

  @Test
  void anItemWithoutVarianceIsNamed() throws IOException {
    Inputs inputs = Inputs.copy(temp);
    inputs.setColumn("observed", "item02", "1");
    assertBadInput(inputs.tuneArgs(temp.resolve("out")), "item02");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Inputs inputs = Inputs.copy(temp);
    Files.writeString(inputs.path("generated"), "");
    assertBadInput(inputs.tuneArgs(temp.resolve("out")), "generated.csv");
  }

  @Test
  void aMissingFileIsRefused() throws IOException {
    Inputs inputs = Inputs.copy(temp);
    Files.delete(inputs.path("predicted"));
    assertBadInput(inputs.tuneArgs(temp.resolve("out")), "predicted.csv");
  }

  @Test
  void aLambdaOutsideTheUnitIntervalIsRefused() throws IOException {
    Inputs inputs = Inputs.copy(temp);
    String[] args = {"calibrate", "--observed", inputs.path("observed").toString(),
        "--predicted", inputs.path("predicted").toString(), "--generated",
        inputs.path("generated").toString(), "--lambda", "1.5", "--out",
        temp.resolve("out").toString()};
    assertBadInput(args, "--lambda");
  }

  private void assertBadInput(String[] args, String expected) {
    assertEquals(2, run(args), err.toString());
    String message = err.toString().strip();
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains(expected), message);
    assertFalse(Files.exists(temp.resolve("out")), "no output folder after bad input");
  }

  /** Copies of the simulated inputs with a respondent_id column, to be spoiled. */
  private static final class Inputs {
    private final Path folder;

    private Inputs(Path folder) {
      this.folder = folder;
    }

    static Inputs copy(Path temp) throws IOException {
      Path folder = Files.createDirectories(temp.resolve("inputs"));
      for (String name : List.of("observed", "predicted", "generated")) {
        List<String> lines = Files.readAllLines(SIMULATED.resolve(name + ".csv"));
        List<String> withIds = new ArrayList<>();
        withIds.add("respondent_id," + lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
          withIds.add("r" + i + "," + lines.get(i));
        }
        Files.write(folder.resolve(name + ".csv"), withIds);
      }
      return new Inputs(folder);
    }

    Path path(String name) {
      return folder.resolve(name + ".csv");
    }

    String[] tuneArgs(Path out) {
      return new String[] {"tune", "--observed", path("observed").toString(), "--predicted",
          path("predicted").toString(), "--generated", path("generated").toString(),
          "--tuner", "ppi", "--out", out.toString()};
    }

    void replaceCell(String name, int row, String item, String value) throws IOException {
      edit(name, (header, fields, row1) -> {
        if (row1 == row) {
          fields[header.indexOf(item)] = value;
        }
      });
    }

    void replaceId(String name, int row, String id) throws IOException {
      edit(name, (header, fields, row1) -> {
        if (row1 == row) {
          fields[0] = id;
        }
      });
    }

    void setColumn(String name, String item, String value) throws IOException {
      edit(name, (header, fields, row1) -> fields[header.indexOf(item)] = value);
    }

    void dropColumn(String name, String item) throws IOException {
      List<String> lines = Files.readAllLines(path(name));
      int column = List.of(lines.get(0).split(",")).indexOf(item);
      List<String> kept = new ArrayList<>();
      for (String line : lines) {
        List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
        fields.remove(column);
        kept.add(String.join(",", fields));
      }
      Files.write(path(name), kept);
    }

    void addColumn(String name, String item, String value) throws IOException {
      List<String> lines = Files.readAllLines(path(name));
      List<String> extended = new ArrayList<>();
      extended.add(lines.get(0) + "," + item);
      for (int i = 1; i < lines.size(); i++) {
        extended.add(lines.get(i) + "," + value);
      }
      Files.write(path(name), extended);
    }

    private void edit(String name, CellEdit edit) throws IOException {
      List<String> lines = Files.readAllLines(path(name));
      List<String> header = List.of(lines.get(0).split(","));
      List<String> edited = new ArrayList<>();
      edited.add(lines.get(0));
      for (int i = 1; i < lines.size(); i++) {
        String[] fields = lines.get(i).split(",", -1);
        edit.apply(header, fields, i);
        edited.add(String.join(",", fields));
      }
      Files.write(path(name), edited);
    }

    @FunctionalInterface
    private interface CellEdit {
      void apply(List<String> header, String[] fields, int row);
    }
  }
}
