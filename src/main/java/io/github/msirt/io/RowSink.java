package io.github.msirt.io;

/**
 * Receives the rows of a small file read to the driver, whatever its format, and builds a
 * result from them.
 *
 * @param <T> what the rows make
 */
interface RowSink<T> {

  /**
   * @param values the row's fields in header order: text for CSV, typed values for Parquet
   * @param position where the row is, for messages
   * @throws InputException for a row that cannot be used (a blank id, for example)
   */
  void add(Object[] values, RowPosition position);

  /**
   * @return the result of all rows added
   * @throws InputException if the rows as a whole are unusable (an invalid cell, a repeated
   *     id, no rows at all)
   */
  T finish();
}
