package io.github.msirt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.model.ResponseMatrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The input-handling cases from users' bug reports, fed through the driver-side reader. */
class InputCasesTest {
  private static final String ZERO_VARIANCE = "01-zero-variance-items";
  private static final String EMPTY_ROWS = "04-empty-respondent-rows";
  private static final String CODES = "08-nonbinary-codes";
  private static final String ENCODINGS = "09-boolean-and-text-encodings";
  private static final String MISSING = "10-missing-tokens-and-null-inference";
  private static final String STRUCTURE = "11-csv-structure-bom-header-ragged";
  private static final String MISMATCH = "16-ppi-row-and-column-mismatch";

  private static ResponseTable read(String folder, String file) {
    return read(folder, file, ReadOptions.defaults());
  }

  private static ResponseTable read(String folder, String file, ReadOptions options) {
    return new ResponseReader(options).read(CaseFiles.file(folder, file));
  }

  private static String failure(Runnable action) {
    String message = assertThrows(InputException.class, action::run).getMessage();
    assertFalse(message.contains("\n"), "message must be one line: " + message);
    return message;
  }

  static void assertSameMatrix(ResponseMatrix expected, ResponseMatrix actual) {
    assertEquals(expected.items(), actual.items());
    assertEquals(expected.rowCount(), actual.rowCount());
    for (int i = 0; i < expected.rowCount(); i++) {
      assertEquals(expected.id(i), actual.id(i), "id of row " + (i + 1));
      for (int j = 0; j < expected.itemCount(); j++) {
        assertEquals(expected.cell(i, j), actual.cell(i, j),
            "row " + (i + 1) + ", item " + expected.items().get(j));
      }
    }
  }

  @Test
  void itemsWithoutVarianceAmongAnsweredCellsAreNamed() {
    ResponseTable observed = read(ZERO_VARIANCE, "observed.csv");

    String message = failure(() -> PairedResponses.pair(observed, null));

    assertTrue(message.contains("all_right (0 zeros, 300 ones)"), message);
    assertTrue(message.contains("all_wrong (300 zeros, 0 ones)"), message);
    assertTrue(message.contains("right_or_missing (0 zeros"), message);
    assertFalse(message.contains("i01"), message);
  }

  @Test
  void healthyItemsOfTheZeroVarianceCaseMatchTheFileWithoutThem() {
    ResponseMatrix full = read(ZERO_VARIANCE, "observed.csv").matrix();
    ResponseTable healthy = read(ZERO_VARIANCE, "observed_without_degenerate.csv");

    PairedResponses paired = PairedResponses.pair(healthy, null);

    List<String> items = List.of("i01", "i02", "i03", "i04", "i05", "i06");
    for (int i = 0; i < full.rowCount(); i++) {
      for (int j = 0; j < items.size(); j++) {
        assertEquals(full.cell(i, full.items().indexOf(items.get(j))),
            paired.observed().cell(i, j));
      }
    }
  }

  @Test
  void emptyRespondentRowsAreLeftOutAndCounted() {
    PairedResponses withEmpty = PairedResponses.pair(read(EMPTY_ROWS, "observed.csv"), null);
    PairedResponses base = PairedResponses.pair(read(EMPTY_ROWS, "observed_base.csv"), null);

    assertEquals(25, withEmpty.emptyRowsDropped());
    assertEquals(1000, withEmpty.observed().rowCount());
    assertEquals(0, base.emptyRowsDropped());
    assertEquals(List.of("143", "167", "236"), withEmpty.emptyRespondents().subList(0, 3));
    assertEquals("1023", withEmpty.emptyRespondents().get(24));
    assertEquals(25, withEmpty.summary().get("empty_respondents_dropped"));
    for (int i = 0; i < 1000; i++) {
      for (int j = 0; j < 8; j++) {
        assertEquals(base.observed().cell(i, j), withEmpty.observed().cell(i, j));
      }
    }
  }

  @Test
  void remainingRowsKeepTheirOwnRowNumbersAsIds() {
    PairedResponses paired = PairedResponses.pair(read(EMPTY_ROWS, "observed.csv"), null);

    assertEquals("142", paired.observed().id(141));
    assertEquals("144", paired.observed().id(142));
  }

  @Test
  void dataCodedOneAndTwoIsRefusedNamingColumnsAndTheirValueSet() {
    String message = failure(() -> read(CODES, "observed_12.csv"));

    assertTrue(message.contains("observed_12.csv"), message);
    assertTrue(message.contains("8 column(s) hold values that are not 0/1 responses "
        + "(i01, i02, i03, i04, i05, i06, i07, i08)"), message);
    assertTrue(message.contains("i01 holds {1, 2}"), message);
    assertTrue(message.contains("value \"2\""), message);
    assertTrue(message.contains("--recode"), message);
  }

  @Test
  void explicitRecodeMapGivesTheCanonicalMatrix() {
    ReadOptions recoded = ReadOptions.defaults().withRecoding(Map.of("1", "0", "2", "1"));

    ResponseMatrix twelve = read(CODES, "observed_12.csv", recoded).matrix();

    assertSameMatrix(read(CODES, "observed_01.csv").matrix(), twelve);
  }

  @Test
  void sentinelNineIsRefusedUnlessDeclaredMissing() {
    String message = failure(() -> read(CODES, "observed_sentinel9.csv"));
    assertTrue(message.contains("{0, 1, 9}"), message);

    ReadOptions nineMissing = ReadOptions.defaults().withMissingTokens(List.of("9"));
    ResponseMatrix declared = read(CODES, "observed_sentinel9.csv", nineMissing).matrix();

    assertSameMatrix(read(CODES, "observed_sentinel9_as_missing.csv").matrix(), declared);
    assertEquals(209, countMissing(declared));
  }

  @Test
  void strayTwoIsNamedByRowLineColumnAndValue() {
    ReadOptions nineMissing = ReadOptions.defaults().withMissingTokens(List.of("9"));

    String message = failure(() -> read(CODES, "observed_stray2.csv", nineMissing));

    assertTrue(message.contains("1 column(s)"), message);
    assertTrue(message.contains("column i06, observed_stray2.csv, data row 37 (file line 38), "
        + "value \"2\""), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"truefalse.csv", "truefalse_spaces.csv", "quoted.csv", "floats.csv",
      "mixed_column.csv"})
  void supportedSpellingsGiveExactlyTheIntegerMatrix(String file) {
    ResponseMatrix ints = read(ENCODINGS, "ints.csv").matrix();

    ResponseMatrix spelled = read(ENCODINGS, file).matrix();

    assertSameMatrix(ints, spelled);
    assertEquals(400, spelled.rowCount());
  }

  @Test
  void yesNoLettersAreRefusedWithColumnAndExampleToken() {
    String message = failure(() -> read(ENCODINGS, "yes_no_letters.csv"));

    assertTrue(message.contains("6 column(s)"), message);
    assertTrue(message.contains("i01 holds {N, Y}"), message);
    assertTrue(message.contains("column i01, yes_no_letters.csv, data row 1 (file line 2), "
        + "value \"Y\""), message);
  }

  @Test
  void everyMissingSpellingIsMissingAndCountsMatchTheCanonicalFile() {
    ResponseTable spelled = read(MISSING, "observed.csv");
    ResponseTable canonical = read(MISSING, "observed_canonical.csv");

    Map<String, Long> expected = Map.of("i01", 544L, "i02", 556L, "i03", 549L, "i04", 553L,
        "i05", 544L, "i06", 406L, "i07", 542L, "i08", 554L, "never_answered", 0L);
    assertEquals(expected, spelled.tally().observedCounts());
    assertEquals(expected, canonical.tally().observedCounts());
    assertSameMatrix(canonical.matrix(), spelled.matrix());
  }

  @Test
  void neverAnsweredColumnIsReportedAsNeverAnswered() {
    String message = failure(() -> PairedResponses.pair(read(MISSING, "observed.csv"), null));

    assertTrue(message.contains("never_answered (never answered)"), message);
    assertTrue(message.contains("1 item(s)"), message);
  }

  @Test
  void byteOrderMarkAndCrlfGiveTheCleanMatrix() {
    ResponseMatrix clean = read(STRUCTURE, "clean.csv").matrix();

    ResponseMatrix windows = read(STRUCTURE, "bom_crlf.csv").matrix();

    assertEquals("i01", windows.items().get(0));
    assertEquals("i05", windows.items().get(4));
    assertSameMatrix(clean, windows);
  }

  @Test
  void duplicateHeaderNamesAreListed() {
    String message = failure(() -> read(STRUCTURE, "dup_header.csv"));

    assertTrue(message.contains("dup_header.csv"), message);
    assertTrue(message.contains("[a x3]"), message);
  }

  @Test
  void blankHeaderNameIsNamedByPosition() {
    String message = failure(() -> read(STRUCTURE, "blank_header.csv"));

    assertTrue(message.contains("column 2 of 5 has a blank name"), message);
  }

  @Test
  void raggedRowsAreListedWithRowLineAndFieldCount() {
    String message = failure(() -> read(STRUCTURE, "ragged.csv"));

    assertTrue(message.contains("2 rows do not have the 5 fields"), message);
    assertTrue(message.contains("data row 10 (file line 11) has 3"), message);
    assertTrue(message.contains("data row 20 (file line 21) has 6"), message);
  }

  @Test
  void predictionsWithOneRowLessAreRefusedWithBothCounts() {
    ResponseTable observed = read(MISMATCH, "observed.csv");
    ResponseTable predicted = read(MISMATCH, "predicted_short.csv");

    String message = failure(() -> PairedResponses.pair(observed, predicted));

    assertTrue(message.contains("has 299 rows but observed.csv has 300"), message);
  }

  @Test
  void reorderedPredictionColumnsAlignByName() {
    ResponseTable observed = read(MISMATCH, "observed.csv");

    PairedResponses ordered = PairedResponses.pair(observed, read(MISMATCH, "predicted.csv"));
    PairedResponses reordered = PairedResponses.pair(observed,
        read(MISMATCH, "predicted_columns_reordered.csv"));

    assertFalse(ordered.pairedById());
    assertSameMatrix(ordered.predicted(), reordered.predicted());
    assertSameMatrix(ordered.observed(), reordered.observed());
  }

  @Test
  void predictionsWithoutAnItemAreRefusedNamingIt() {
    ResponseTable observed = read(MISMATCH, "observed.csv");
    ResponseTable predicted = read(MISMATCH, "predicted_missing_item.csv");

    String message = failure(() -> PairedResponses.pair(observed, predicted));

    assertTrue(message.contains("predicted_missing_item.csv: 1 item(s) of observed.csv have "
        + "no column: i06"), message);
  }

  private static int countMissing(ResponseMatrix matrix) {
    int missing = 0;
    for (int i = 0; i < matrix.rowCount(); i++) {
      missing += matrix.itemCount() - matrix.answeredCount(i);
    }
    return missing;
  }
}
