package io.github.msirt.io;

import java.io.Serializable;
import java.util.List;

/**
 * One data row of a file as Spark sees it before cells are parsed: its fields in header
 * order, or the reason it has none (a wrong field count or a malformed line), with its
 * position.
 */
final class RawRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Object[] values;
  private final RowPosition position;
  private final int fieldCount;
  private final String malformation;
  private final boolean blank;

  private RawRecord(Object[] values, RowPosition position, int fieldCount,
      String malformation, boolean blank) {
    this.values = values;
    this.position = position;
    this.fieldCount = fieldCount;
    this.malformation = malformation;
    this.blank = blank;
  }

  /**
   * @param values the fields in header order
   * @param position where the row is
   * @return a well-formed record
   */
  static RawRecord of(Object[] values, RowPosition position) {
    return new RawRecord(values, position, values.length, null, false);
  }

  /**
   * Splits a CSV line.
   *
   * @param line the text of the line
   * @param position its position
   * @param width the header's field count
   * @return a well-formed record, or one that says what is wrong with the line
   */
  static RawRecord ofCsvLine(String line, RowPosition position, int width) {
    List<String> fields;
    try {
      fields = CsvLine.split(line);
    } catch (IllegalArgumentException malformed) {
      return new RawRecord(null, position, 0, malformed.getMessage(), false);
    }
    if (fields.size() != width) {
      return new RawRecord(null, position, fields.size(), null, line.isBlank());
    }
    return of(fields.toArray(), position);
  }

  /** @return whether the record has fields to parse */
  boolean wellFormed() {
    return values != null;
  }

  /** @return the fields, or {@code null} for a malformed record */
  Object[] values() {
    return values;
  }

  /** @return where the row is */
  RowPosition position() {
    return position;
  }

  /** @return how many fields the line had */
  int fieldCount() {
    return fieldCount;
  }

  /** @return for a line of the wrong width, for example {@code has 3 fields} */
  String widthProblem() {
    return describeWidth(fieldCount, blank);
  }

  /**
   * @param fieldCount fields found on a line
   * @param blank whether the line was blank
   * @return {@code is a blank line} or {@code has N fields}
   */
  static String describeWidth(int fieldCount, boolean blank) {
    if (blank) {
      return "is a blank line";
    }
    return "has " + fieldCount + (fieldCount == 1 ? " field" : " fields");
  }

  /** @return what is wrong with a line that could not be split, or {@code null} */
  String malformation() {
    return malformation;
  }
}
