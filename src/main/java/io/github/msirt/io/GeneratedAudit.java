package io.github.msirt.io;

import java.io.Serializable;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a pass over the generated responses G found: rows with and without answers, per-item
 * counts, invalid cells, rows of the wrong width, malformed lines and blank ids, each with
 * its first example. Spark partitions audit their rows and the driver merges the audits.
 */
final class GeneratedAudit implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ColumnAudit cells;
  private final ItemTally tally;
  private long answeredRows;
  private long emptyRows;
  private final Example ragged = new Example();
  private final Example malformed = new Example();
  private final Example blankIds = new Example();
  private final Example blankItems = new Example();

  /** A count of one kind of bad row and its earliest example. */
  private static final class Example implements Serializable {
    private static final long serialVersionUID = 1L;

    private long count;
    private RowPosition first;
    private String detail;

    void add(RowPosition position, String what) {
      count++;
      if (first == null || position.compareTo(first) < 0) {
        first = position;
        detail = what;
      }
    }

    void merge(Example other) {
      if (other.count > 0) {
        long total = count + other.count;
        add(other.first, other.detail);
        count = total;
      }
    }
  }

  /**
   * @param coder the coder of the rows, giving the items
   */
  GeneratedAudit(WideRowCoder coder) {
    this.cells = new ColumnAudit(coder.items());
    this.tally = new ItemTally(coder.items());
  }

  /** An audit of a long file, whose items are learnt from its rows. */
  GeneratedAudit() {
    this.cells = new ColumnAudit();
    this.tally = new ItemTally(List.of());
  }

  /**
   * Audits one record of a long file.
   *
   * @param record a record of G
   * @param coder the coder of its fields
   * @return this audit
   */
  GeneratedAudit add(RawRecord record, LongRowCoder coder) {
    if (!checkShape(record)) {
      return this;
    }
    Object[] values = record.values();
    if (coder.id(values).isEmpty()) {
      blankIds.add(record.position(), "");
    }
    String item = coder.item(values);
    if (item.isEmpty()) {
      blankItems.add(record.position(), "");
      return this;
    }
    cells.record(cells.columnIndex(item), coder.code(values), coder.token(values),
        record.position());
    return this;
  }

  private boolean checkShape(RawRecord record) {
    if (record.malformation() != null) {
      malformed.add(record.position(), record.malformation());
      return false;
    }
    if (!record.wellFormed()) {
      ragged.add(record.position(), record.widthProblem());
      return false;
    }
    return true;
  }

  /** @return item names seen in a long file, in no particular order */
  List<String> itemNames() {
    return cells.itemNames();
  }

  /**
   * Audits one record.
   *
   * @param record a record of G
   * @param coder the coder of its cells
   * @return this audit
   */
  GeneratedAudit add(RawRecord record, WideRowCoder coder) {
    if (!checkShape(record)) {
      return this;
    }
    if (coder.hasIds() && coder.id(record.values()).isEmpty()) {
      blankIds.add(record.position(), "");
    }

    byte[] codes = new byte[coder.items().size()];
    int answered = coder.code(record.values(), codes);
    for (int j = 0; j < codes.length; j++) {
      cells.record(j, codes[j], coder.token(j, record.values()), record.position());
    }
    if (answered == 0) {
      emptyRows++;
    } else {
      answeredRows++;
      tally.add(codes);
    }
    return this;
  }

  /**
   * @param other the audit of other rows
   * @return this audit, covering both
   */
  GeneratedAudit merge(GeneratedAudit other) {
    cells.merge(other.cells);
    tally.merge(other.tally);
    answeredRows += other.answeredRows;
    emptyRows += other.emptyRows;
    ragged.merge(other.ragged);
    malformed.merge(other.malformed);
    blankIds.merge(other.blankIds);
    blankItems.merge(other.blankItems);
    return this;
  }

  /**
   * @param source the file or folder name
   * @param width the header's field count
   * @param idColumn the id column name
   * @param columnWord {@code column} for wide files, {@code item} for long ones
   * @param resolve turns byte offsets into file lines
   * @throws InputException for the first kind of problem found, with its count and example
   */
  void throwIfBad(String source, int width, String idColumn, String columnWord,
      UnaryOperator<RowPosition> resolve) {
    if (malformed.count > 0) {
      throw new InputException(source + ": " + malformed.count + " malformed line(s), first "
          + resolve.apply(malformed.first) + ": " + malformed.detail);
    }
    if (ragged.count > 0) {
      throw new InputException(source + ": " + ragged.count + " rows do not have the "
          + width + " fields of the header, first " + resolve.apply(ragged.first) + " "
          + ragged.detail + "; fix those rows so every row has one field per column "
          + "(empty for missing)");
    }
    if (blankIds.count > 0) {
      throw new InputException(source + ": " + blankIds.count + " rows have a blank "
          + idColumn + ", first " + resolve.apply(blankIds.first) + "; give every row an id, "
          + "or drop the column");
    }
    if (blankItems.count > 0) {
      throw new InputException(source + ": " + blankItems.count + " rows have a blank "
          + ReadOptions.ITEM_COLUMN + ", first " + resolve.apply(blankItems.first)
          + "; every answer row needs an item name");
    }
    cells.throwIfInvalid(source, columnWord, resolve);
  }

  /** @return rows with at least one answer */
  long answeredRows() {
    return answeredRows;
  }

  /** @return rows without any answer */
  long emptyRows() {
    return emptyRows;
  }

  /** @return per-item counts over rows with answers */
  ItemTally tally() {
    return tally;
  }
}
