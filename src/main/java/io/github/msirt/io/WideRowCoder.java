package io.github.msirt.io;

import io.github.msirt.model.ResponseMatrix;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Codes the fields of a wide row, on Spark executors: finds the id and item columns of the
 * header and turns item cells into 0, 1, missing or invalid by the rules of
 * {@link CellParser}.
 */
final class WideRowCoder implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String idColumn;
  private final int idIndex;
  private final List<String> items = new ArrayList<>();
  private final int[] itemIndexes;
  private final CellParser parser;

  /**
   * @param source file or folder name, for messages
   * @param header column names in file order
   * @param options id column and cell rules
   * @throws InputException if the header has no item column
   */
  WideRowCoder(String source, List<String> header, ReadOptions options) {
    this.idColumn = options.idColumn();
    this.idIndex = header.indexOf(idColumn);
    this.itemIndexes = new int[header.size() - (idIndex < 0 ? 0 : 1)];
    for (int column = 0; column < header.size(); column++) {
      if (column != idIndex) {
        itemIndexes[items.size()] = column;
        items.add(header.get(column));
      }
    }
    if (items.isEmpty()) {
      throw new InputException(source + ": the header " + header + " has no item columns; "
          + "a wide file needs one column per item");
    }
    this.parser = new CellParser(options);
  }

  /** @return item names in file order */
  List<String> items() {
    return List.copyOf(items);
  }

  /** @return whether the file has the id column */
  boolean hasIds() {
    return idIndex >= 0;
  }

  /** @return the id column name */
  String idColumn() {
    return idColumn;
  }

  /**
   * @param values a row's fields
   * @param codes receives one code per item
   * @return the number of answered items
   */
  int code(Object[] values, byte[] codes) {
    int answered = 0;
    for (int j = 0; j < itemIndexes.length; j++) {
      codes[j] = parser.code(values[itemIndexes[j]]);
      answered += codes[j] == 0 || codes[j] == 1 ? 1 : 0;
    }
    return answered;
  }

  /**
   * @param j item index
   * @param values a row's fields
   * @return the raw token of the item's cell
   */
  String token(int j, Object[] values) {
    return CellParser.asToken(values[itemIndexes[j]]);
  }

  /**
   * @param values a row's fields
   * @return the id, trimmed, or {@code ""} when the file has no id column or the id is blank
   */
  String id(Object[] values) {
    if (idIndex < 0 || values[idIndex] == null) {
      return "";
    }
    return CellParser.asToken(values[idIndex]).strip();
  }

  /** @return the schema of coded rows: the id column if any, then one byte per item */
  StructType schema() {
    List<StructField> fields = new ArrayList<>();
    if (hasIds()) {
      fields.add(DataTypes.createStructField(idColumn, DataTypes.StringType, false));
    }
    for (String item : items) {
      fields.add(DataTypes.createStructField(item, DataTypes.ByteType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /**
   * @param record a well-formed record whose cells are all valid
   * @return the coded row with null for missing cells, or {@code null} when no item was
   *     answered
   */
  Row toRow(RawRecord record) {
    byte[] codes = new byte[items.size()];
    if (code(record.values(), codes) == 0) {
      return null;
    }
    int offset = hasIds() ? 1 : 0;
    Object[] cells = new Object[offset + codes.length];
    if (hasIds()) {
      cells[0] = id(record.values());
    }
    for (int j = 0; j < codes.length; j++) {
      cells[offset + j] = codes[j] == ResponseMatrix.MISSING ? null : codes[j];
    }
    return RowFactory.create(cells);
  }
}
