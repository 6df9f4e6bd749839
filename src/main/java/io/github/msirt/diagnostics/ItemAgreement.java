package io.github.msirt.diagnostics;

import io.github.msirt.model.ResponseMatrix;
import java.util.List;

/**
 * How well the predictions P match the human responses O item by item, over the cells where
 * both answered: the share of equal cells (agreement) and the Pearson correlation of the
 * 0/1 cells (the phi coefficient).
 *
 * @param items item names
 * @param agreement per item, the share of paired cells where P equals O (NaN if none)
 * @param correlation per item, the phi correlation of O and P (NaN if either is constant)
 * @param pairedCells per item, the number of rows where both O and P answered
 * @param overallAgreement the share of equal cells over all items
 */
public record ItemAgreement(List<String> items, double[] agreement, double[] correlation,
    int[] pairedCells, double overallAgreement) {

  /**
   * @param observed human responses O
   * @param predicted predictions P, row i predicting row i of O, same items
   * @return the agreement
   * @throws IllegalArgumentException if the shapes differ
   */
  public static ItemAgreement of(ResponseMatrix observed, ResponseMatrix predicted) {
    if (observed.rowCount() != predicted.rowCount()
        || !observed.items().equals(predicted.items())) {
      throw new IllegalArgumentException("P must pair with O row by row over the same items; "
          + "found " + observed + " and " + predicted);
    }
    int items = observed.itemCount();
    double[] agreement = new double[items];
    double[] correlation = new double[items];
    int[] paired = new int[items];
    double equalCells = 0;
    double allCells = 0;
    for (int j = 0; j < items; j++) {
      double[][] cells = pairedCells(observed, predicted, j);
      paired[j] = cells[0].length;
      double equal = 0;
      for (int i = 0; i < paired[j]; i++) {
        equal += cells[0][i] == cells[1][i] ? 1 : 0;
      }
      agreement[j] = paired[j] > 0 ? equal / paired[j] : Double.NaN;
      correlation[j] = Correlations.pearson(cells[0], cells[1]);
      equalCells += equal;
      allCells += paired[j];
    }
    return new ItemAgreement(observed.items(), agreement, correlation, paired,
        allCells > 0 ? equalCells / allCells : Double.NaN);
  }

  // The O and P cells of one item in the rows where both answered.
  private static double[][] pairedCells(ResponseMatrix observed, ResponseMatrix predicted,
      int item) {
    int count = 0;
    for (int i = 0; i < observed.rowCount(); i++) {
      count += answeredBoth(observed, predicted, i, item) ? 1 : 0;
    }
    double[][] cells = new double[2][count];
    int next = 0;
    for (int i = 0; i < observed.rowCount(); i++) {
      if (answeredBoth(observed, predicted, i, item)) {
        cells[0][next] = observed.cell(i, item);
        cells[1][next] = predicted.cell(i, item);
        next++;
      }
    }
    return cells;
  }

  private static boolean answeredBoth(ResponseMatrix observed, ResponseMatrix predicted,
      int row, int item) {
    return observed.cell(row, item) != ResponseMatrix.MISSING
        && predicted.cell(row, item) != ResponseMatrix.MISSING;
  }
}
