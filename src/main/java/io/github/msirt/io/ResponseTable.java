package io.github.msirt.io;

import io.github.msirt.model.ResponseMatrix;
import java.util.List;

/**
 * A response file read to the driver: the matrix plus where each row came from, so that
 * later checks (pairing, duplicate ids) can name file lines.
 */
public final class ResponseTable {
  private final String source;
  private final ResponseMatrix matrix;
  private final boolean idColumn;
  private final List<RowPosition> positions;

  ResponseTable(String source, ResponseMatrix matrix, boolean idColumn,
      List<RowPosition> positions) {
    this.source = source;
    this.matrix = matrix;
    this.idColumn = idColumn;
    this.positions = List.copyOf(positions);
  }

  /** @return the file or folder name, as used in messages */
  public String source() {
    return source;
  }

  /**
   * @return the responses in file order (long files: order of first appearance), with the
   *     file's ids, or the 1-based row numbers when it has no id column
   */
  public ResponseMatrix matrix() {
    return matrix;
  }

  /** @return whether the file has the id column */
  public boolean hasIdColumn() {
    return idColumn;
  }

  /**
   * @param row 0-based row of {@link #matrix()}
   * @return for example {@code observed.csv, data row 37 (file line 38)}
   */
  public String location(int row) {
    return positions.get(row).toString();
  }

  /** @return per-item counts of 0s, 1s and missing cells */
  public ItemTally tally() {
    return ItemTally.of(matrix);
  }

  /**
   * @param rows 0-based rows to keep, in the order given
   * @return a table of those rows, with their ids (row numbers in the whole file when the
   *     file has no id column) and positions
   */
  public ResponseTable selectRows(int[] rows) {
    RowPosition[] kept = new RowPosition[rows.length];
    for (int r = 0; r < rows.length; r++) {
      kept[r] = positions.get(rows[r]);
    }
    // Rows of a file without ids keep their original row numbers as ids.
    return new ResponseTable(source, matrix.selectRows(rows), idColumn, List.of(kept));
  }

  /**
   * @param items item names, a permutation of this table's items
   * @return the same table with its columns in that order
   */
  ResponseTable withItemOrder(List<String> items) {
    return new ResponseTable(source, matrix.withItemOrder(items), idColumn, positions);
  }

  /**
   * @param dropped item names to leave out; names the table does not have are ignored
   * @return the same rows without those columns
   */
  public ResponseTable withoutItems(List<String> dropped) {
    List<String> kept = new java.util.ArrayList<>(matrix.items());
    kept.removeAll(dropped);
    return new ResponseTable(source, matrix.selectItems(kept), idColumn, positions);
  }

  @Override
  public String toString() {
    return source + ": " + matrix;
  }
}
