package io.github.msirt.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Counts, per column, the cells that are neither a response nor a missing token, keeps the
 * first such cell and a few distinct bad values, and notes which valid codes occur, so that a
 * message can show a column's value set (for example {@code {1, 2}} for data coded 1/2).
 *
 * <p>Audits of parts of a file merge into the audit of the whole, which is how Spark
 * partitions report to the driver.
 */
final class ColumnAudit implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int SHOWN_VALUES = 6;
  private static final int SHOWN_COLUMNS = 3;
  private static final int SHOWN_NAMES = 12;

  private final List<String> columns = new ArrayList<>();
  private final Map<String, Integer> indexes = new HashMap<>();
  private final List<Column> stats = new ArrayList<>();

  /** What one column has shown so far. */
  private static final class Column implements Serializable {
    private static final long serialVersionUID = 1L;

    private long invalidCells;
    private boolean sawZero;
    private boolean sawOne;
    private final TreeSet<String> badValues = new TreeSet<>();
    private RowPosition firstPosition;
    private String firstValue;

    void merge(Column other) {
      invalidCells += other.invalidCells;
      sawZero |= other.sawZero;
      sawOne |= other.sawOne;
      for (String value : other.badValues) {
        addBadValue(value);
      }
      if (other.firstPosition != null
          && (firstPosition == null || other.firstPosition.compareTo(firstPosition) < 0)) {
        firstPosition = other.firstPosition;
        firstValue = other.firstValue;
      }
    }

    void addBadValue(String value) {
      if (badValues.size() < SHOWN_VALUES) {
        badValues.add(value);
      }
    }
  }

  ColumnAudit() {
  }

  ColumnAudit(List<String> names) {
    names.forEach(this::columnIndex);
  }

  /**
   * @param name a column name
   * @return its index, adding the column when it is new
   */
  int columnIndex(String name) {
    Integer index = indexes.get(name);
    if (index != null) {
      return index;
    }
    columns.add(name);
    stats.add(new Column());
    indexes.put(name, columns.size() - 1);
    return columns.size() - 1;
  }

  /**
   * Records one parsed cell.
   *
   * @param column column index
   * @param code the parser's code for the cell
   * @param raw the raw token, shown when the cell is invalid
   * @param position where the cell's row is
   */
  void record(int column, byte code, String raw, RowPosition position) {
    Column stat = stats.get(column);
    if (code == 0) {
      stat.sawZero = true;
    } else if (code == 1) {
      stat.sawOne = true;
    } else if (code == CellParser.INVALID) {
      recordInvalid(stat, raw.strip(), position);
    }
  }

  private static void recordInvalid(Column stat, String token, RowPosition position) {
    stat.invalidCells++;
    stat.addBadValue(token);
    if (stat.firstPosition == null || position.compareTo(stat.firstPosition) < 0) {
      stat.firstPosition = position;
      stat.firstValue = token;
    }
  }

  /**
   * @param other an audit of another part of the same data
   * @return this audit, now covering both parts
   */
  ColumnAudit merge(ColumnAudit other) {
    for (int index = 0; index < other.columns.size(); index++) {
      stats.get(columnIndex(other.columns.get(index))).merge(other.stats.get(index));
    }
    return this;
  }

  /** @return the column names, in order of first appearance */
  List<String> itemNames() {
    return List.copyOf(columns);
  }

  /** @return whether any cell was invalid */
  boolean hasInvalid() {
    return stats.stream().anyMatch(stat -> stat.invalidCells > 0);
  }

  /** @return the positions of the first invalid cell of each bad column */
  List<RowPosition> firstInvalidPositions() {
    List<RowPosition> positions = new ArrayList<>();
    for (Column stat : stats) {
      if (stat.firstPosition != null) {
        positions.add(stat.firstPosition);
      }
    }
    return positions;
  }

  /**
   * Builds the message for the invalid cells, or does nothing when there are none.
   *
   * @param source the file or folder name
   * @param columnWord {@code column} for wide files, {@code item} for long ones
   * @param resolve turns byte offsets into file lines for the message
   * @throws InputException naming the bad columns, their value sets and the first bad cell
   */
  void throwIfInvalid(String source, String columnWord, UnaryOperator<RowPosition> resolve) {
    List<String> details = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int first = -1;
    for (int index = 0; index < columns.size(); index++) {
      Column stat = stats.get(index);
      if (stat.invalidCells == 0) {
        continue;
      }
      if (first < 0 || stat.firstPosition.compareTo(stats.get(first).firstPosition) < 0) {
        first = index;
      }
      names.add(columns.get(index));
      details.add(columns.get(index) + " holds " + valueSet(stat) + " (" + stat.invalidCells
          + (stat.invalidCells == 1 ? " bad cell)" : " bad cells)"));
    }
    if (first < 0) {
      return;
    }
    throw new InputException(message(source, columnWord, names, details, first, resolve));
  }

  private String message(String source, String columnWord, List<String> names,
      List<String> details, int first, UnaryOperator<RowPosition> resolve) {
    Column stat = stats.get(first);
    RowPosition where = resolve.apply(stat.firstPosition);
    String shown = String.join("; ", details.subList(0, Math.min(SHOWN_COLUMNS, details.size())));
    String more = details.size() > SHOWN_COLUMNS
        ? "; and " + (details.size() - SHOWN_COLUMNS) + " more " + columnWord + "s" : "";
    return source + ": " + names.size() + " " + columnWord + "(s) hold values that are not "
        + "0/1 responses (" + ItemAlignment.shown(names, SHOWN_NAMES) + "): " + shown + more
        + "; first bad cell: " + columnWord + " " + columns.get(first) + ", " + where
        + ", value \"" + stat.firstValue + "\"; "
        + "recode the data to 0/1 (or true/false), pass a recode map such as --recode 1=0,2=1, "
        + "or declare the code missing with --missing-tokens";
  }

  private static String valueSet(Column stat) {
    TreeSet<String> values = new TreeSet<>(stat.badValues);
    if (stat.sawZero) {
      values.add("0");
    }
    if (stat.sawOne) {
      values.add("1");
    }
    return "{" + String.join(", ", values) + "}";
  }
}
