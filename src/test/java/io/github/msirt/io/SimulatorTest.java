package io.github.msirt.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.model.ResponseMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated O, P and G: readable by our readers, reproducible, regimes as documented. */
class SimulatorTest extends SparkTestBase {
  @TempDir
  Path temp;

  private Path simulate(String name, Regime regime, FileFormat format, int partitions) {
    SimulationSettings settings =
        new SimulationSettings(5, 200, 1000, regime, 42, format, partitions);
    return new Simulator(spark()).write(settings, temp.resolve(name), false);
  }

  private static ResponseMatrix readSmall(Path file) {
    return new ResponseReader(ReadOptions.defaults(), spark()).read(file).matrix();
  }

  private static List<String> generatedRows(Path folder) {
    GeneratedResponses generated =
        new GeneratedReader(spark(), ReadOptions.defaults()).read(folder);
    return generated.responses().collectAsList().stream()
        .map(Row::toString).sorted().collect(Collectors.toList());
  }

  private static List<String> rowsAsText(ResponseMatrix matrix) {
    List<String> rows = new ArrayList<>();
    byte[] row = new byte[matrix.itemCount()];
    for (int i = 0; i < matrix.rowCount(); i++) {
      matrix.copyRow(i, row);
      rows.add(Arrays.toString(row));
    }
    return rows;
  }

  @Test
  void perfectRegimeWritesReadableFilesWithPredictionsEqualToObserved() {
    Path out = simulate("perfect", Regime.PERFECT, FileFormat.CSV, 3);

    ResponseTable observed = new ResponseReader(ReadOptions.defaults())
        .read(out.resolve("observed.csv"));
    ResponseTable predicted = new ResponseReader(ReadOptions.defaults())
        .read(out.resolve("predicted.csv"));
    GeneratedResponses generated = new GeneratedReader(spark(), ReadOptions.defaults())
        .read(out.resolve("generated"));

    PairedResponses paired = PairedResponses.pair(observed, predicted);
    assertTrue(paired.pairedById());
    assertEquals(rowsAsText(paired.observed()), rowsAsText(paired.predicted()));
    assertEquals(List.of("i01", "i02", "i03", "i04", "i05"), generated.items());
    assertEquals(1000, generated.respondentCount());
    assertEquals("respondent_id", generated.idColumn());
    assertTrue(Files.exists(out.resolve("truth.csv")));
  }

  @Test
  void generatedRowsDoNotDependOnTheNumberOfPartitions() {
    Path one = simulate("one", Regime.SAME_MODEL, FileFormat.CSV, 1);
    Path four = simulate("four", Regime.SAME_MODEL, FileFormat.CSV, 4);

    assertEquals(generatedRows(one.resolve("generated")),
        generatedRows(four.resolve("generated")));
  }

  @Test
  void sameSeedGivesTheSameHumanFile() throws IOException {
    Path first = simulate("first", Regime.SAME_MODEL, FileFormat.CSV, 2);
    Path second = simulate("second", Regime.SAME_MODEL, FileFormat.CSV, 2);

    assertArrayEquals(Files.readAllBytes(first.resolve("observed.csv")),
        Files.readAllBytes(second.resolve("observed.csv")));
    assertNotEquals(Files.readString(first.resolve("observed.csv")),
        Files.readString(first.resolve("predicted.csv")));
  }

  @Test
  void shuffledPredictionsHoldObservedRowsInAnotherOrder() {
    Path out = simulate("shuffled", Regime.SHUFFLED, FileFormat.CSV, 2);

    List<String> observed = rowsAsText(readSmall(out.resolve("observed.csv")));
    List<String> predicted = rowsAsText(readSmall(out.resolve("predicted.csv")));

    assertNotEquals(observed, predicted);
    assertEquals(observed.stream().sorted().collect(Collectors.toList()),
        predicted.stream().sorted().collect(Collectors.toList()));
  }

  @Test
  void biasedAndNoisyModelsRespectTheirSlopeFloors() throws IOException {
    Path biased = simulate("biased", Regime.BIASED, FileFormat.CSV, 2);
    Path noisy = simulate("noisy", Regime.NOISY, FileFormat.CSV, 2);

    for (String line : Files.readAllLines(biased.resolve("truth.csv")).subList(1, 6)) {
      assertTrue(Double.parseDouble(line.split(",")[4]) >= 0.4, line);
    }
    for (String line : Files.readAllLines(noisy.resolve("truth.csv")).subList(1, 6)) {
      assertTrue(Double.parseDouble(line.split(",")[4]) >= 0.05, line);
    }
  }

  @Test
  void parquetOutputReadsBackThroughBothReaders() {
    Path out = simulate("parquet", Regime.NOISY, FileFormat.PARQUET, 2);

    ResponseMatrix observed = readSmall(out.resolve("observed.parquet"));
    GeneratedResponses generated = new GeneratedReader(spark(), ReadOptions.defaults())
        .read(out.resolve("generated.parquet"));

    assertEquals(200, observed.rowCount());
    assertEquals("o1", observed.id(0));
    assertEquals(1000, generated.respondentCount());
  }

  @Test
  void existingOutputIsRefused() {
    simulate("taken", Regime.PERFECT, FileFormat.CSV, 1);

    assertThrows(InputException.class,
        () -> simulate("taken", Regime.PERFECT, FileFormat.CSV, 1));
  }

  @Test
  void regimeNamesParseAsWrittenOnTheCommandLine() {
    assertEquals(Regime.SAME_MODEL, Regime.parse("same-model"));
    assertEquals("same-model", Regime.SAME_MODEL.label());
    assertThrows(InputException.class, () -> Regime.parse("oracle"));
  }
}
