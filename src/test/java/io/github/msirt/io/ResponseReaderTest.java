package io.github.msirt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.model.ResponseMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Driver-side reading of small files: structure, ids, pairing and the cell rules. */
class ResponseReaderTest {
  @TempDir
  Path temp;

  private Path file(String name, String... lines) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, List.of(lines));
    return file;
  }

  private static ResponseTable read(Path file) {
    return new ResponseReader(ReadOptions.defaults()).read(file);
  }

  private static String failure(Runnable action) {
    String message = assertThrows(InputException.class, action::run).getMessage();
    assertFalse(message.contains("\n"), "message must be one line: " + message);
    return message;
  }

  @ParameterizedTest(name = "\"{0}\" reads as {1}")
  @CsvSource(delimiter = '|', value = {
      "0|0", "1|1", "0.0|0", "1.0|1", "1.00|1", "1e0|1", "+1|1", "TRUE|1", " false |0",
      "' '|-1", "NA|-1", "na|-1", "NaN|-1", "NULL|-1", ".|-1", "2|-2", "0.7|-2", "yes|-2",
      "Y|-2", "9|-2", "-1|-2", "Infinity|-2", "1/2|-2"})
  void cellTokensFollowTheDocumentedRules(String token, byte expected) {
    CellParser parser = new CellParser(ReadOptions.defaults());

    assertEquals(expected, parser.code(token));
  }

  @Test
  void typedValuesFollowTheSameRules() {
    CellParser parser = new CellParser(ReadOptions.defaults());

    assertEquals(1, parser.code((Object) Boolean.TRUE));
    assertEquals(0, parser.code((Object) 0L));
    assertEquals(1, parser.code((Object) 1.0f));
    assertEquals(CellParser.MISSING, parser.code((Object) Double.NaN));
    assertEquals(CellParser.MISSING, parser.code((Object) null));
    assertEquals(CellParser.INVALID, parser.code((Object) 0.5));
    assertEquals(CellParser.INVALID, parser.code((Object) 2));
  }

  @Test
  void quotedFieldsMayHoldCommasAndQuotes() throws IOException {
    Path path = file("quoted.csv", "respondent_id,\"item, one\",\"say \"\"hi\"\"\"",
        "\"a,1\", \"1\" ,0");

    ResponseTable table = read(path);

    assertEquals(List.of("item, one", "say \"hi\""), table.matrix().items());
    assertEquals("a,1", table.matrix().id(0));
    assertEquals(1, table.matrix().cell(0, 0));
  }

  @Test
  void unclosedQuoteIsNamedByRowAndLine() throws IOException {
    Path path = file("open.csv", "q1,q2", "1,0", "\"1,0");

    String message = failure(() -> read(path));

    assertTrue(message.contains("open.csv, data row 2 (file line 3): a quoted field opened at "
        + "character 1 is not closed"), message);
  }

  @Test
  void trailingBlankLineIsNamedAsBlank() throws IOException {
    Path path = file("blank.csv", "q1,q2", "1,0", "");

    String message = failure(() -> read(path));

    assertTrue(message.contains("data row 2 (file line 3) is a blank line"), message);
  }

  @Test
  void emptyFileIsRefusedClearly() throws IOException {
    Path path = file("empty.csv");

    assertTrue(failure(() -> read(path)).contains("empty.csv: the file is empty"));
  }

  @Test
  void headerWithoutRowsIsRefused() throws IOException {
    Path path = file("header.csv", "q1,q2");

    assertTrue(failure(() -> read(path)).contains("header but no data rows"));
  }

  @Test
  void missingPathIsRefused() {
    String message = failure(() -> read(temp.resolve("nowhere.csv")));

    assertTrue(message.contains("nowhere.csv: no such file or folder"), message);
  }

  @Test
  void binaryFileReadAsCsvIsRefused() throws IOException {
    Path path = temp.resolve("data.csv");
    Files.write(path, new byte[] {'P', 'A', 'R', '1', (byte) 0xff, (byte) 0xfe, 0, 1});

    String message = failure(() -> read(path));

    assertTrue(message.contains("data.csv: the file is not UTF-8 text"), message);
  }

  @Test
  void unknownExtensionAsksForTheFormat() throws IOException {
    Path path = file("responses.dat", "q1", "1");

    assertTrue(failure(() -> read(path)).contains("--format csv|parquet"));
  }

  @Test
  void repeatedIdsAreListedWithTheirRows() throws IOException {
    Path path = file("ids.csv", "respondent_id,q1", "a,1", "b,0", "a,0");

    String message = failure(() -> read(path));

    assertTrue(message.contains("id a on data row 1 (file line 2) and data row 3 (file "
        + "line 4)"), message);
  }

  @Test
  void blankIdIsRefused() throws IOException {
    Path path = file("ids.csv", "respondent_id,q1", "a,1", " ,0");

    String message = failure(() -> read(path));

    assertTrue(message.contains("ids.csv, data row 2 (file line 3): column respondent_id is "
        + "blank"), message);
  }

  @Test
  void configuredIdColumnIsUsed() throws IOException {
    Path path = file("ids.csv", "person,q1", "p7,1", "p9,0");

    ResponseTable table = new ResponseReader(ReadOptions.defaults().withIdColumn("person"))
        .read(path);

    assertEquals(List.of("q1"), table.matrix().items());
    assertEquals("p9", table.matrix().id(1));
  }

  @Test
  void predictionsPairWithObservedByIdWhateverTheRowOrder() throws IOException {
    ResponseTable observed = read(file("o.csv", "respondent_id,q1,q2", "a,1,0", "b,0,1",
        "c,,"));
    ResponseTable predicted = read(file("p.csv", "q2,respondent_id,q1", "1,c,1", "0,a,1",
        "1,b,1"));

    PairedResponses paired = PairedResponses.pair(observed, predicted);

    assertTrue(paired.pairedById());
    assertEquals(1, paired.emptyRowsDropped());
    ResponseMatrix p = paired.predicted();
    assertEquals(List.of("a", "b"), List.of(p.id(0), p.id(1)));
    assertEquals(List.of(1, 0), List.of((int) p.cell(0, 0), (int) p.cell(0, 1)));
    assertEquals("id", paired.summary().get("paired_by"));
  }

  @Test
  void unmatchedIdsAreListedBothWays() throws IOException {
    ResponseTable observed = read(file("o.csv", "respondent_id,q1", "a,1", "b,0", "c,1"));
    ResponseTable predicted = read(file("p.csv", "respondent_id,q1", "a,1", "x,0", "y,1"));

    String message = failure(() -> PairedResponses.pair(observed, predicted));

    assertTrue(message.contains("2 id(s) of o.csv have no prediction row (b, c)"), message);
    assertTrue(message.contains("2 id(s) are not in o.csv (x, y)"), message);
  }

  @Test
  void longLayoutBuildsTheSameMatrixAsWide() throws IOException {
    Path wide = file("wide.csv", "respondent_id,q1,q2", "a,1,0", "b,,1");
    Path longFile = file("long.csv", "respondent_id,item,response", "a,q1,1", "a,q2,0",
        "b,q2,1");

    ResponseTable fromLong = new ResponseReader(ReadOptions.defaults()
        .withLayout(Layout.LONG)).read(longFile);

    InputCasesTest.assertSameMatrix(read(wide).matrix(), fromLong.matrix());
  }

  @Test
  void longLayoutNamesTheItemOfABadResponse() throws IOException {
    Path path = file("long.csv", "respondent_id,item,response", "a,q1,1", "a,q2,5");

    String message = failure(() -> new ResponseReader(ReadOptions.defaults()
        .withLayout(Layout.LONG)).read(path));

    assertTrue(message.contains("first bad cell: item q2, long.csv, data row 2 (file line 3), "
        + "value \"5\""), message);
  }

  @Test
  void partFilesWithDifferentHeadersAreRefused() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("parts"));
    Files.write(folder.resolve("part-0.csv"), List.of("q1,q2", "1,0"));
    Files.write(folder.resolve("part-1.csv"), List.of("q2,q1", "1,0"));

    String message = failure(() -> read(folder));

    assertTrue(message.contains("part file part-1.csv has header [q2, q1]"), message);
  }
}
