package io.github.msirt.io;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a data row sits in its file: a file line, a byte offset, or a row index.
 *
 * <p>Driver-side CSV reading knows file lines. Spark reads CSV as byte ranges and knows only
 * the byte offset of a line, which is turned into a line number on the driver when an error
 * needs it. Parquet rows are known by their 0-based index in the file.
 */
final class RowPosition implements Serializable, Comparable<RowPosition> {
  private static final long serialVersionUID = 1L;

  private static final Comparator<RowPosition> ORDER = Comparator
      .comparing((RowPosition position) -> position.file)
      .thenComparingLong(position -> position.value);

  /** What {@link #value()} counts. */
  enum Kind {
    /** 1-based line in a CSV file whose line 1 is the header. */
    FILE_LINE,
    /** Byte offset of the line's first character in a CSV file. */
    BYTE_OFFSET,
    /** 0-based row index in a Parquet file. */
    ROW_INDEX
  }

  private final String file;
  private final long value;
  private final Kind kind;

  RowPosition(String file, long value, Kind kind) {
    this.file = file;
    this.value = value;
    this.kind = kind;
  }

  /** @return the file, as a path or URI */
  String file() {
    return file;
  }

  /** @return the line, offset or index, as {@link #kind()} says */
  long value() {
    return value;
  }

  /** @return what the value counts */
  Kind kind() {
    return kind;
  }

  /** @return the file's name without its folder */
  String fileName() {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? file : file.substring(slash + 1);
  }

  /**
   * @return for example {@code data row 37 (file line 38)}, or {@code row 37} for Parquet
   */
  String describe() {
    switch (kind) {
      case FILE_LINE:
        return "data row " + (value - 1) + " (file line " + value + ")";
      case ROW_INDEX:
        return "row " + (value + 1);
      default:
        return "the line at byte offset " + value;
    }
  }

  @Override
  public int compareTo(RowPosition other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return fileName() + ", " + describe();
  }
}
