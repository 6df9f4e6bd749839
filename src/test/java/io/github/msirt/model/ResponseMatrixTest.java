package io.github.msirt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseMatrixTest {
  private static final List<String> ITEMS = List.of("q1", "q2");

  @Test
  void fractionalValuesAreRejectedNamingRowAndItem() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ResponseMatrix.fromValues(ITEMS, new double[][] {{0, 1}, {0.7, 1}}));
    assertTrue(error.getMessage().contains("row 2"), error.getMessage());
    assertTrue(error.getMessage().contains("q1"), error.getMessage());
  }

  @Test
  void otherCodesAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ResponseMatrix.fromValues(ITEMS, new double[][] {{2, 1}}));
    assertThrows(IllegalArgumentException.class,
        () -> ResponseMatrix.of(ITEMS, new byte[] {0, 9}, null, null));
  }

  @Test
  void nanIsMissing() {
    ResponseMatrix matrix = ResponseMatrix.fromValues(ITEMS, new double[][] {{Double.NaN, 1}});
    assertEquals(ResponseMatrix.MISSING, matrix.cell(0, 0));
    assertEquals(1, matrix.answeredCount(0));
  }

  @Test
  void repeatedItemNamesAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ResponseMatrix.of(List.of("q1", "q1"), new byte[] {0, 1}, null, null));
  }

  @Test
  void distinctPatternsKeepTotalFrequency() {
    ResponseMatrix matrix = ResponseMatrix.fromValues(ITEMS,
        new double[][] {{0, 1}, {0, 1}, {1, Double.NaN}, {0, 1}});
    ResponseMatrix patterns = matrix.distinctPatterns();
    assertEquals(2, patterns.rowCount());
    assertEquals(3.0, patterns.frequency(0));
    assertEquals(4.0, patterns.respondentCount());
  }
}
