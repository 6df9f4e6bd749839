package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.model.ResponseMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemAgreementTest {
  private static final double NA = Double.NaN;
  private static final List<String> ITEMS = List.of("i1", "i2");

  @Test
  void agreementAndPhiCorrelationOverPairedCells() {
    ResponseMatrix observed = ResponseMatrix.fromValues(ITEMS,
        new double[][] {{1, 0}, {1, 1}, {0, NA}, {0, 1}});
    ResponseMatrix predicted = ResponseMatrix.fromValues(ITEMS,
        new double[][] {{1, 1}, {0, 1}, {0, 0}, {0, NA}});

    ItemAgreement agreement = ItemAgreement.of(observed, predicted);

    // item 1: pairs (1,1) (1,0) (0,0) (0,0); item 2: only rows 1 and 2 are paired
    assertArrayEquals(new int[] {4, 2}, agreement.pairedCells());
    assertEquals(0.75, agreement.agreement()[0], 1e-15);
    assertEquals(0.5, agreement.agreement()[1], 1e-15);
    assertEquals(1 / Math.sqrt(3), agreement.correlation()[0], 1e-15);
    assertTrue(Double.isNaN(agreement.correlation()[1]), "P is constant on item 2");
    assertEquals(4.0 / 6.0, agreement.overallAgreement(), 1e-15);
  }

  @Test
  void predictionsMustPairRowByRow() {
    ResponseMatrix observed = ResponseMatrix.fromValues(ITEMS, new double[][] {{1, 0}});
    ResponseMatrix predicted =
        ResponseMatrix.fromValues(ITEMS, new double[][] {{1, 0}, {0, 0}});

    assertThrows(IllegalArgumentException.class,
        () -> ItemAgreement.of(observed, predicted));
  }
}
