package io.github.msirt.io;

import io.github.msirt.model.ResponseMatrix;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-item counts of 0s, 1s and missing cells: the cheap screening pass that shows a column
 * which came through as all-missing, and finds items without variance.
 *
 * <p>Tallies of parts of the data merge into the tally of the whole.
 */
public final class ItemTally implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> items;
  private final long[] zeros;
  private final long[] ones;
  private final long[] missing;

  /**
   * An empty tally.
   *
   * @param items item names in column order
   */
  public ItemTally(List<String> items) {
    this.items = List.copyOf(items);
    this.zeros = new long[items.size()];
    this.ones = new long[items.size()];
    this.missing = new long[items.size()];
  }

  /**
   * @param matrix responses
   * @return the counts of every item in the matrix, with rows weighted by frequency 1
   */
  public static ItemTally of(ResponseMatrix matrix) {
    ItemTally tally = new ItemTally(matrix.items());
    byte[] row = new byte[matrix.itemCount()];
    for (int i = 0; i < matrix.rowCount(); i++) {
      matrix.copyRow(i, row);
      tally.add(row);
    }
    return tally;
  }

  /**
   * Counts one respondent's cells.
   *
   * @param row codes 0, 1 or {@link ResponseMatrix#MISSING}, one per item
   */
  public void add(byte[] row) {
    for (int j = 0; j < row.length; j++) {
      if (row[j] == 0) {
        zeros[j]++;
      } else if (row[j] == 1) {
        ones[j]++;
      } else {
        missing[j]++;
      }
    }
  }

  /**
   * @param other a tally over the same items
   * @return this tally, now counting both
   */
  public ItemTally merge(ItemTally other) {
    for (int j = 0; j < items.size(); j++) {
      zeros[j] += other.zeros[j];
      ones[j] += other.ones[j];
      missing[j] += other.missing[j];
    }
    return this;
  }

  /**
   * Copies another tally's counts of one item into an item of this tally.
   *
   * @param item the item name here, which must match
   * @param other the tally to copy from
   * @param otherIndex the item's index there
   */
  void add(String item, ItemTally other, int otherIndex) {
    int j = items.indexOf(item);
    zeros[j] += other.zeros[otherIndex];
    ones[j] += other.ones[otherIndex];
    missing[j] += other.missing[otherIndex];
  }

  /**
   * Adds counts of one item found by an aggregation.
   *
   * @param item item index
   * @param zeroCells cells coded 0
   * @param oneCells cells coded 1
   * @param rows rows counted, answered or not
   */
  void addCounts(int item, long zeroCells, long oneCells, long rows) {
    zeros[item] += zeroCells;
    ones[item] += oneCells;
    missing[item] += rows - zeroCells - oneCells;
  }

  /** @return item names in column order */
  public List<String> items() {
    return items;
  }

  /**
   * @param item item index
   * @return the number of 0 cells
   */
  public long zeros(int item) {
    return zeros[item];
  }

  /**
   * @param item item index
   * @return the number of 1 cells
   */
  public long ones(int item) {
    return ones[item];
  }

  /**
   * @param item item index
   * @return the number of missing cells
   */
  public long missing(int item) {
    return missing[item];
  }

  /**
   * @param item item index
   * @return the number of answered cells, 0s plus 1s
   */
  public long observed(int item) {
    return zeros[item] + ones[item];
  }

  /** @return answered cells per item, in column order */
  public Map<String, Long> observedCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int j = 0; j < items.size(); j++) {
      counts.put(items.get(j), observed(j));
    }
    return counts;
  }

  /**
   * @return items whose answered cells are all 0, all 1, or absent, each shown with its
   *     counts, for example {@code all_right (0 zeros, 300 ones)}
   */
  public List<String> itemsWithoutVariance() {
    List<String> constant = new ArrayList<>();
    for (int j = 0; j < items.size(); j++) {
      if (zeros[j] == 0 && ones[j] == 0) {
        constant.add(items.get(j) + " (never answered)");
      } else if (zeros[j] == 0 || ones[j] == 0) {
        constant.add(items.get(j) + " (" + zeros[j] + " zeros, " + ones[j] + " ones)");
      }
    }
    return constant;
  }
}
