package io.github.msirt.estimate;

import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import java.util.List;

/**
 * Response rows held in memory. Identical rows are optionally merged into distinct patterns
 * with frequencies first, which changes no result but the summation order.
 */
public final class LocalResponses implements ResponseSource {
  private final ResponseMatrix rows;

  /**
   * @param matrix the responses
   * @param compress whether to pass over distinct patterns instead of raw rows
   */
  public LocalResponses(ResponseMatrix matrix, boolean compress) {
    this.rows = compress ? matrix.distinctPatterns() : matrix;
  }

  /**
   * @param matrix the responses, compressed to distinct patterns
   * @return the source
   */
  public static LocalResponses of(ResponseMatrix matrix) {
    return new LocalResponses(matrix, true);
  }

  @Override
  public List<String> items() {
    return rows.items();
  }

  /** @return the rows passed over */
  public ResponseMatrix rows() {
    return rows;
  }

  @Override
  public EStepStatistics pass(ItemParameters parameters, Quadrature quadrature, Detail detail,
      String phase) {
    return accumulate(rows, new NodeTable(parameters, quadrature), detail);
  }

  /**
   * One E-step pass over a matrix.
   *
   * @param matrix rows with frequencies
   * @param table the 2PL at the current parameters
   * @param detail what to accumulate
   * @return the statistics
   */
  public static EStepStatistics accumulate(ResponseMatrix matrix, NodeTable table,
      Detail detail) {
    EStepStatistics statistics =
        new EStepStatistics(table.itemCount(), table.nodeCount(), detail);
    byte[] row = new byte[matrix.itemCount()];
    for (int i = 0; i < matrix.rowCount(); i++) {
      matrix.copyRow(i, row);
      statistics.add(table, row, matrix.frequency(i));
    }
    return statistics;
  }
}
