package io.github.msirt.spark;

import io.github.msirt.estimate.EStepStatistics;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.model.ResponseMatrix;
import java.io.Serializable;

/**
 * A run of response rows packed into 2-bit codes, the unit that is cached and aggregated.
 *
 * <p>Each row takes {@link #wordsPerRow(int)} longs; item j sits in bits {@code 2(j mod 32)}
 * and {@code 2(j mod 32) + 1} of word {@code j / 32}, coded {@code 0} wrong, {@code 1}
 * right, {@code 2} missing. Twenty items take 8 bytes a row. A block either holds raw rows
 * (each counted once) or distinct patterns with their counts.
 */
final class PatternBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Items packed into one long. */
  static final int ITEMS_PER_WORD = 32;

  /** The code of a missing cell. */
  static final long MISSING_CODE = 2L;

  private final int items;
  private final int rows;
  private final long[] words;
  private final long[] counts;

  /**
   * @param items number of items per row
   * @param rows number of rows held
   * @param words {@code rows * wordsPerRow(items)} packed words
   * @param counts one count per row, or {@code null} when every row counts once
   */
  PatternBlock(int items, int rows, long[] words, long[] counts) {
    this.items = items;
    this.rows = rows;
    this.words = words;
    this.counts = counts;
  }

  /**
   * @param items number of items
   * @return the longs needed for one row
   */
  static int wordsPerRow(int items) {
    return (items + ITEMS_PER_WORD - 1) / ITEMS_PER_WORD;
  }

  /** @return the number of rows (patterns when compressed) */
  int rowCount() {
    return rows;
  }

  /** @return the number of respondents the rows stand for */
  long respondentCount() {
    if (counts == null) {
      return rows;
    }
    long total = 0;
    for (int r = 0; r < rows; r++) {
      total += counts[r];
    }
    return total;
  }

  /**
   * Unpacks one row.
   *
   * @param row row index
   * @param target receives one code per item: 0, 1 or {@link ResponseMatrix#MISSING}
   */
  void decode(int row, byte[] target) {
    int offset = row * wordsPerRow(items);
    for (int j = 0; j < items; j++) {
      long word = words[offset + j / ITEMS_PER_WORD];
      int code = (int) (word >>> (2 * (j % ITEMS_PER_WORD))) & 3;
      target[j] = code == MISSING_CODE ? ResponseMatrix.MISSING : (byte) code;
    }
  }

  /**
   * @param row row index
   * @return how many respondents the row stands for
   */
  double frequency(int row) {
    return counts == null ? 1.0 : counts[row];
  }

  /**
   * Adds every row of the block to E-step statistics, with its count as frequency.
   *
   * @param statistics the partition's running statistics
   * @param table the 2PL at the current parameters
   * @return the same statistics, for use as a Spark sequence operation
   */
  EStepStatistics addTo(EStepStatistics statistics, NodeTable table) {
    byte[] row = new byte[items];
    for (int r = 0; r < rows; r++) {
      decode(r, row);
      statistics.add(table, row, frequency(r));
    }
    return statistics;
  }

  /**
   * Appends the unpacked rows and their counts to driver-side buffers.
   *
   * @param cells receives {@code rows * items} codes starting at {@code firstRow * items}
   * @param frequencies receives one count per row starting at {@code firstRow}
   * @param firstRow index of this block's first row in the buffers
   */
  void unpackInto(byte[] cells, double[] frequencies, int firstRow) {
    byte[] row = new byte[items];
    for (int r = 0; r < rows; r++) {
      decode(r, row);
      System.arraycopy(row, 0, cells, (firstRow + r) * items, items);
      frequencies[firstRow + r] = frequency(r);
    }
  }

  @Override
  public String toString() {
    return "PatternBlock[" + rows + (counts == null ? " rows x " : " patterns x ") + items
        + " items]";
  }
}
