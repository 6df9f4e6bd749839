package io.github.msirt.model;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dichotomous responses of respondents (rows) to items (columns), with missing cells.
 *
 * <p>Cells hold {@code 0}, {@code 1} or {@link #MISSING}. Each row may carry a
 * respondent id and a frequency weight; a weight of {@code w} stands for {@code w}
 * identical respondents, which is how distinct response patterns with counts are stored.
 */
public final class ResponseMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The code of a missing cell. */
  public static final byte MISSING = -1;

  private final List<String> items;
  private final int rows;
  private final byte[] cells;
  private final String[] ids;
  private final double[] frequencies;

  private ResponseMatrix(List<String> items, int rows, byte[] cells, String[] ids,
      double[] frequencies) {
    this.items = List.copyOf(items);
    this.rows = rows;
    this.cells = cells;
    this.ids = ids;
    this.frequencies = frequencies;
  }

  /**
   * Builds a matrix from cells coded 0, 1 or {@link #MISSING}, row by row.
   *
   * @param items item names, distinct and non-blank
   * @param cells {@code rows * items.size()} codes, row-major
   * @param ids respondent ids, one per row, or {@code null} for the 1-based row numbers
   * @param frequencies positive weights, one per row, or {@code null} for all ones
   * @return the matrix
   * @throws IllegalArgumentException if a cell holds another code, sizes disagree, item names
   *     repeat, or a weight is not positive
   */
  public static ResponseMatrix of(List<String> items, byte[] cells, String[] ids,
      double[] frequencies) {
    checkItems(items);
    int width = items.size();
    if (cells.length % width != 0) {
      throw new IllegalArgumentException("cells hold " + cells.length
          + " values, not a whole number of rows of " + width + " items");
    }
    int rows = cells.length / width;
    for (int index = 0; index < cells.length; index++) {
      byte value = cells[index];
      if (value != 0 && value != 1 && value != MISSING) {
        throw badCell(items, ids, index / width, index % width, Byte.toString(value));
      }
    }
    checkRowArrays(rows, ids, frequencies);
    return new ResponseMatrix(items, rows, cells.clone(),
        ids == null ? null : ids.clone(), frequencies == null ? null : frequencies.clone());
  }

  /**
   * Builds a matrix from numbers: 0 and 1 are responses, {@code NaN} is missing.
   *
   * @param items item names
   * @param values one array per row, each of length {@code items.size()}
   * @return the matrix, with ids {@code 1..n}
   * @throws IllegalArgumentException naming the row and item of the first value that is
   *     neither 0, 1 nor NaN (for example 2, 0.7 or infinity)
   */
  public static ResponseMatrix fromValues(List<String> items, double[][] values) {
    checkItems(items);
    int width = items.size();
    byte[] cells = new byte[values.length * width];
    for (int i = 0; i < values.length; i++) {
      if (values[i].length != width) {
        throw new IllegalArgumentException("row " + (i + 1) + " has " + values[i].length
            + " values but there are " + width + " items");
      }
      for (int j = 0; j < width; j++) {
        double value = values[i][j];
        if (Double.isNaN(value)) {
          cells[i * width + j] = MISSING;
        } else if (value == 0.0 || value == 1.0) {
          cells[i * width + j] = (byte) value;
        } else {
          throw badCell(items, null, i, j, Double.toString(value));
        }
      }
    }
    return new ResponseMatrix(items, values.length, cells, null, null);
  }

  private static IllegalArgumentException badCell(List<String> items, String[] ids, int row,
      int item, String value) {
    String who = ids == null ? "row " + (row + 1) : "respondent " + ids[row];
    return new IllegalArgumentException(who + ", item " + items.get(item) + ": value " + value
        + " is not a 0/1 response; recode it to 0, 1 or missing");
  }

  private static void checkItems(List<String> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a response matrix needs at least one item");
    }
    Set<String> seen = new HashSet<>();
    for (String item : items) {
      if (item == null || item.isBlank()) {
        throw new IllegalArgumentException("item names must not be blank");
      }
      if (!seen.add(item)) {
        throw new IllegalArgumentException("item name " + item + " appears more than once");
      }
    }
  }

  private static void checkRowArrays(int rows, String[] ids, double[] frequencies) {
    if (ids != null && ids.length != rows) {
      throw new IllegalArgumentException(rows + " rows but " + ids.length + " ids");
    }
    if (frequencies != null) {
      if (frequencies.length != rows) {
        throw new IllegalArgumentException(rows + " rows but " + frequencies.length
            + " frequencies");
      }
      for (int i = 0; i < rows; i++) {
        if (!(frequencies[i] > 0) || Double.isInfinite(frequencies[i])) {
          throw new IllegalArgumentException("row " + (i + 1)
              + " has frequency " + frequencies[i] + "; frequencies must be positive");
        }
      }
    }
  }

  /** @return the item names, in column order */
  public List<String> items() {
    return items;
  }

  /** @return the number of items */
  public int itemCount() {
    return items.size();
  }

  /** @return the number of stored rows */
  public int rowCount() {
    return rows;
  }

  /** @return the number of respondents the rows stand for: the sum of the frequencies */
  public double respondentCount() {
    if (frequencies == null) {
      return rows;
    }
    double total = 0;
    for (double f : frequencies) {
      total += f;
    }
    return total;
  }

  /**
   * @param row row index
   * @param item item index
   * @return 0, 1 or {@link #MISSING}
   */
  public byte cell(int row, int item) {
    return cells[row * items.size() + item];
  }

  /**
   * Copies one row's cells into a buffer.
   *
   * @param row row index
   * @param target array of at least {@link #itemCount()} codes
   */
  public void copyRow(int row, byte[] target) {
    System.arraycopy(cells, row * items.size(), target, 0, items.size());
  }

  /**
   * @param row row index
   * @return the frequency weight of the row (1 unless patterns were compressed)
   */
  public double frequency(int row) {
    return frequencies == null ? 1.0 : frequencies[row];
  }

  /**
   * @param row row index
   * @return the respondent id, or the 1-based row number when the matrix has no ids
   */
  public String id(int row) {
    return ids == null ? Integer.toString(row + 1) : ids[row];
  }

  /** @return whether the rows carry ids of their own */
  public boolean hasIds() {
    return ids != null;
  }

  /**
   * @param row row index
   * @return the number of answered items in the row
   */
  public int answeredCount(int row) {
    int answered = 0;
    int offset = row * items.size();
    for (int j = 0; j < items.size(); j++) {
      answered += cells[offset + j] == MISSING ? 0 : 1;
    }
    return answered;
  }

  /** @return whether any cell is missing */
  public boolean hasMissing() {
    for (byte value : cells) {
      if (value == MISSING) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param rowIndexes rows to keep, in the order given
   * @return a matrix of those rows, with their ids and frequencies
   */
  public ResponseMatrix selectRows(int[] rowIndexes) {
    int width = items.size();
    byte[] selected = new byte[rowIndexes.length * width];
    String[] selectedIds = new String[rowIndexes.length];
    double[] selectedFrequencies = frequencies == null ? null : new double[rowIndexes.length];
    for (int r = 0; r < rowIndexes.length; r++) {
      System.arraycopy(cells, rowIndexes[r] * width, selected, r * width, width);
      selectedIds[r] = id(rowIndexes[r]);
      if (selectedFrequencies != null) {
        selectedFrequencies[r] = frequencies[rowIndexes[r]];
      }
    }
    return new ResponseMatrix(items, rowIndexes.length, selected, selectedIds,
        selectedFrequencies);
  }

  /**
   * Reduces the matrix to its distinct response patterns (same answers, same missing cells),
   * each weighted by how many respondents share it. Every statistic of the marginal
   * likelihood is a sum over rows of a function of the pattern, so the compressed matrix
   * gives the same results up to summation order. Ids are dropped.
   *
   * @return distinct patterns in order of first appearance, with frequencies
   */
  public ResponseMatrix distinctPatterns() {
    int width = items.size();
    Map<ByteBuffer, Integer> index = new LinkedHashMap<>();
    List<Double> counts = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      ByteBuffer key = ByteBuffer.wrap(cells, i * width, width).slice();
      Integer position = index.putIfAbsent(key, counts.size());
      if (position == null) {
        counts.add(frequency(i));
      } else {
        counts.set(position, counts.get(position) + frequency(i));
      }
    }
    byte[] distinct = new byte[index.size() * width];
    int r = 0;
    for (ByteBuffer key : index.keySet()) {
      key.duplicate().get(distinct, r * width, width);
      r++;
    }
    double[] weights = counts.stream().mapToDouble(Double::doubleValue).toArray();
    return new ResponseMatrix(items, index.size(), distinct, null, weights);
  }

  /**
   * Keeps some items, in the order given, and drops the others.
   *
   * @param kept names of items of this matrix
   * @return the matrix of those columns, with the same rows, ids and frequencies
   * @throws IllegalArgumentException naming an item that is not in the matrix
   */
  public ResponseMatrix selectItems(List<String> kept) {
    int width = items.size();
    int[] source = new int[kept.size()];
    for (int j = 0; j < source.length; j++) {
      source[j] = items.indexOf(kept.get(j));
      if (source[j] < 0) {
        throw new IllegalArgumentException("item " + kept.get(j) + " is not in " + items);
      }
    }
    byte[] selected = new byte[rows * source.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < source.length; j++) {
        selected[i * source.length + j] = cells[i * width + source[j]];
      }
    }
    return new ResponseMatrix(kept, rows, selected, ids, frequencies);
  }

  /**
   * Returns the same data with its columns put in the order of {@code order}.
   *
   * @param order item names, a permutation of {@link #items()}
   * @return the reordered matrix
   * @throws IllegalArgumentException naming the first item that is missing or extra
   */
  public ResponseMatrix withItemOrder(List<String> order) {
    if (order.equals(items)) {
      return this;
    }
    int width = items.size();
    if (order.size() != width) {
      throw new IllegalArgumentException("expected " + order.size() + " items, found "
          + width + " (" + items + ")");
    }
    int[] source = new int[width];
    for (int j = 0; j < width; j++) {
      source[j] = items.indexOf(order.get(j));
      if (source[j] < 0) {
        throw new IllegalArgumentException("item " + order.get(j) + " is missing");
      }
    }
    byte[] reordered = new byte[cells.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < width; j++) {
        reordered[i * width + j] = cells[i * width + source[j]];
      }
    }
    return new ResponseMatrix(order, rows, reordered, ids, frequencies);
  }

  @Override
  public String toString() {
    return "ResponseMatrix[" + rows + " rows x " + items.size() + " items "
        + Arrays.toString(items.toArray()) + "]";
  }
}
