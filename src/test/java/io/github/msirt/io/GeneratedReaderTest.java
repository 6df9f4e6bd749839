package io.github.msirt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.model.ResponseMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated responses G read with Spark: same rules, errors located on the driver. */
class GeneratedReaderTest extends SparkTestBase {
  private static final String CODES = "08-nonbinary-codes";
  private static final String ENCODINGS = "09-boolean-and-text-encodings";
  private static final String STRUCTURE = "11-csv-structure-bom-header-ragged";
  private static final String MISMATCH = "16-ppi-row-and-column-mismatch";

  @TempDir
  Path temp;

  private static GeneratedResponses readG(Path path, ReadOptions options) {
    return new GeneratedReader(spark(), options).read(path);
  }

  private static GeneratedResponses readG(String folder, String file) {
    return readG(CaseFiles.file(folder, file), ReadOptions.defaults());
  }

  private static ResponseMatrix readO(String folder, String file) {
    return new ResponseReader(ReadOptions.defaults()).read(CaseFiles.file(folder, file))
        .matrix();
  }

  private static String failure(Runnable action) {
    String message = assertThrows(InputException.class, action::run).getMessage();
    assertFalse(message.contains("\n"), "message must be one line: " + message);
    return message;
  }

  // Test data is small, so the frame may come to the driver here.
  private static byte[][] cells(GeneratedResponses generated) {
    int offset = generated.idColumn() == null ? 0 : 1;
    List<Row> rows = generated.responses().collectAsList();
    byte[][] cells = new byte[rows.size()][generated.items().size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < generated.items().size(); j++) {
        Row row = rows.get(i);
        cells[i][j] = row.isNullAt(offset + j) ? ResponseMatrix.MISSING : row.getByte(offset + j);
      }
    }
    return cells;
  }

  private static void assertSameCells(ResponseMatrix expected, byte[][] actual) {
    assertEquals(expected.rowCount(), actual.length);
    for (int i = 0; i < actual.length; i++) {
      for (int j = 0; j < expected.itemCount(); j++) {
        assertEquals(expected.cell(i, j), actual[i][j], "row " + (i + 1) + ", item " + j);
      }
    }
  }

  @Test
  void generatedFileBecomesByteColumnsInFileOrder() {
    GeneratedResponses generated = readG(MISMATCH, "generated.csv");

    assertEquals(1500, generated.respondentCount());
    assertNull(generated.idColumn());
    StructType schema = generated.responses().schema();
    assertEquals(DataTypes.ByteType, schema.apply("i01").dataType());
    assertSameCells(readO(MISMATCH, "generated.csv"), cells(generated));
  }

  @Test
  void extraItemInGeneratedIsRefusedNamingIt() {
    GeneratedResponses generated = readG(MISMATCH, "generated_extra_column.csv");

    String message = failure(() -> generated.alignedTo(
        readO(MISMATCH, "observed.csv").items(), "observed.csv"));

    assertTrue(message.contains("generated_extra_column.csv: 1 column(s) are not items of "
        + "observed.csv: i07"), message);
  }

  @Test
  void generatedColumnsAreReorderedToObservedOrder() throws IOException {
    Path reordered = temp.resolve("generated_reordered.csv");
    Files.write(reordered, reorderColumns(CaseFiles.file(MISMATCH, "generated.csv")));
    List<String> items = readO(MISMATCH, "observed.csv").items();

    GeneratedResponses aligned = readG(reordered, ReadOptions.defaults())
        .alignedTo(items, "observed.csv");

    assertEquals(items, aligned.items());
    assertSameCells(readO(MISMATCH, "generated.csv"), cells(aligned));
    assertEquals(readG(MISMATCH, "generated.csv").tally().observedCounts(),
        aligned.tally().observedCounts());
  }

  // Moves the first column to the end, keeping its header name with it.
  private static List<String> reorderColumns(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.replaceAll(line -> line.substring(line.indexOf(',') + 1) + ","
        + line.substring(0, line.indexOf(',')));
    return lines;
  }

  @Test
  void strayValueIsLocatedByDataRowAndFileLineFromSparkSplits() {
    ReadOptions nineMissing = ReadOptions.defaults().withMissingTokens(List.of("9"));

    String message = failure(() -> readG(CaseFiles.file(CODES, "observed_stray2.csv"),
        nineMissing));

    assertTrue(message.contains("column i06, observed_stray2.csv, data row 37 (file line 38), "
        + "value \"2\""), message);
  }

  @Test
  void raggedRowsAreCountedAndTheFirstIsLocated() {
    String message = failure(() -> readG(STRUCTURE, "ragged.csv"));

    assertTrue(message.contains("2 rows do not have the 5 fields of the header, first "
        + "ragged.csv, data row 10 (file line 11) has 3"), message);
  }

  @Test
  void byteOrderMarkAndCrlfAreHandledBySparkToo() {
    GeneratedResponses windows = readG(STRUCTURE, "bom_crlf.csv");

    assertEquals("i01", windows.items().get(0));
    assertEquals("i05", windows.items().get(4));
    assertSameCells(readO(STRUCTURE, "clean.csv"), cells(windows));
  }

  @Test
  void spellingsAndMixedColumnGiveTheIntegerMatrixInSpark() {
    ResponseMatrix ints = readO(ENCODINGS, "ints.csv");

    assertSameCells(ints, cells(readG(ENCODINGS, "truefalse_spaces.csv")));
    assertSameCells(ints, cells(readG(ENCODINGS, "mixed_column.csv")));
  }

  @Test
  void perItemObservedCountsSurviveNullSpellingsInSpark() {
    GeneratedResponses generated = readG("10-missing-tokens-and-null-inference", "observed.csv");

    Map<String, Long> expected = Map.of("i01", 544L, "i02", 556L, "i03", 549L, "i04", 553L,
        "i05", 544L, "i06", 406L, "i07", 542L, "i08", 554L, "never_answered", 0L);
    assertEquals(expected, generated.tally().observedCounts());
    assertEquals(DataTypes.ByteType, generated.responses().schema().apply("i06").dataType());
  }

  @Test
  void emptyGeneratedRowsAreLeftOutAndCounted() {
    GeneratedResponses generated = readG("04-empty-respondent-rows", "observed.csv");

    assertEquals(1000, generated.respondentCount());
    assertEquals(25, generated.emptyRowsDropped());
    assertEquals(1000, generated.responses().count());
    assertSameCells(readO("04-empty-respondent-rows", "observed_base.csv"), cells(generated));
  }

  @Test
  void folderOfPartFilesIsReadInNameOrderAndErrorsNameThePart() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("generated"));
    List<String> lines = Files.readAllLines(CaseFiles.file(ENCODINGS, "ints.csv"));
    Files.write(folder.resolve("part-00000.csv"), lines.subList(0, 201));
    List<String> second = new java.util.ArrayList<>(lines.subList(200, 401));
    second.set(0, lines.get(0));
    Files.write(folder.resolve("part-00001.csv"), second);
    Files.write(folder.resolve("_SUCCESS"), new byte[0]);
    Files.write(folder.resolve("part-00002.csv"), new byte[0]);

    assertSameCells(readO(ENCODINGS, "ints.csv"), cells(readG(folder, ReadOptions.defaults())));

    second.set(5, "1,0,0,1,0,yes");
    Files.write(folder.resolve("part-00001.csv"), second);
    String message = failure(() -> readG(folder, ReadOptions.defaults()));
    assertTrue(message.contains("column i06, part-00001.csv, data row 5 (file line 6), "
        + "value \"yes\""), message);
  }

  @Test
  void idColumnIsKeptAsTheFirstColumn() throws IOException {
    Path file = temp.resolve("with_ids.csv");
    Files.write(file, List.of("q1,respondent_id,q2", "1,a,0", "0,b,", ",c,"));

    GeneratedResponses generated = readG(file, ReadOptions.defaults());

    assertEquals("respondent_id", generated.idColumn());
    assertEquals(List.of("q1", "q2"), generated.items());
    assertEquals(1, generated.emptyRowsDropped());
    List<Row> rows = generated.responses().collectAsList();
    assertEquals(RowFactory.create("a", (byte) 1, (byte) 0), rows.get(0));
    assertEquals(RowFactory.create("b", (byte) 0, null), rows.get(1));
  }

  @Test
  void parquetColumnsOfAnyTypeFollowTheSameRules() {
    Path file = temp.resolve("generated.parquet");
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("respondent_id", DataTypes.LongType, false),
        DataTypes.createStructField("flag", DataTypes.BooleanType, true),
        DataTypes.createStructField("count", DataTypes.IntegerType, true),
        DataTypes.createStructField("share", DataTypes.DoubleType, true),
        DataTypes.createStructField("text", DataTypes.StringType, true)));
    List<Row> rows = List.of(
        RowFactory.create(7L, true, 0, 1.0, " TRUE "),
        RowFactory.create(8L, null, 1, Double.NaN, "NA"));
    spark().createDataFrame(rows, schema).coalesce(1).write().parquet(file.toString());

    GeneratedResponses generated = readG(file, ReadOptions.defaults());

    List<Row> read = generated.responses().orderBy("respondent_id").collectAsList();
    assertEquals(RowFactory.create("7", (byte) 1, (byte) 0, (byte) 1, (byte) 1), read.get(0));
    assertEquals(RowFactory.create("8", null, (byte) 1, null, null), read.get(1));
  }

  @Test
  void invalidParquetValueIsNamedByRow() {
    Path file = temp.resolve("bad.parquet");
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("q1", DataTypes.IntegerType, true)));
    spark().createDataFrame(List.of(RowFactory.create(1), RowFactory.create(2)), schema)
        .coalesce(1).write().parquet(file.toString());

    String message = failure(() -> readG(file, ReadOptions.defaults()));

    assertTrue(message.contains("q1 holds {1, 2}"), message);
    assertTrue(message.contains(", row 2, value \"2\""), message);
  }

  @Test
  void longLayoutIsPivotedToOneColumnPerItem() throws IOException {
    Path file = temp.resolve("long.csv");
    Files.write(file, List.of("respondent_id,item,response", "a,q2,1", "a,q1,0", "b,q1,true",
        "c,q2,NA"));

    GeneratedResponses generated =
        readG(file, ReadOptions.defaults().withLayout(Layout.LONG));

    assertEquals(List.of("q1", "q2"), generated.items());
    assertEquals(1, generated.emptyRowsDropped());
    assertEquals(2, generated.respondentCount());
    List<Row> rows = generated.responses().orderBy("respondent_id").collectAsList();
    assertEquals(RowFactory.create("a", (byte) 0, (byte) 1), rows.get(0));
    assertEquals(RowFactory.create("b", (byte) 1, null), rows.get(1));
    assertEquals(1L, generated.tally().missing(1));
  }

  @Test
  void longLayoutRefusesTwoAnswersToOneItem() throws IOException {
    Path file = temp.resolve("long_repeat.csv");
    Files.write(file, List.of("respondent_id,item,response", "a,q1,1", "a,q1,0"));

    String message = failure(() -> readG(file, ReadOptions.defaults().withLayout(Layout.LONG)));

    assertTrue(message.contains("respondent a answers item q1 2 times"), message);
  }

  @Test
  void driverReaderReadsParquetThroughSpark() {
    Path file = temp.resolve("observed.parquet");
    readG(MISMATCH, "observed.csv").responses().coalesce(1).write().parquet(file.toString());

    ResponseTable table = new ResponseReader(ReadOptions.defaults(), spark()).read(file);

    InputCasesTest.assertSameMatrix(readO(MISMATCH, "observed.csv"), table.matrix());
    assertTrue(table.location(4).endsWith(", row 5"), table.location(4));
  }
}
