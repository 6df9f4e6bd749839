package io.github.msirt.io;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Codes the fields of a long row (id, item, response) on Spark executors.
 */
final class LongRowCoder implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String idColumn;
  private final int idIndex;
  private final int itemIndex;
  private final int responseIndex;
  private final CellParser parser;

  /**
   * @param source file or folder name, for messages
   * @param header column names in file order
   * @param options id column and cell rules
   * @throws InputException unless the header is exactly id, item and response
   */
  LongRowCoder(String source, List<String> header, ReadOptions options) {
    this.idColumn = options.idColumn();
    List<String> expected =
        List.of(idColumn, ReadOptions.ITEM_COLUMN, ReadOptions.RESPONSE_COLUMN);
    if (header.size() != expected.size() || !header.containsAll(expected)) {
      throw new InputException(source + ": a long file needs exactly the columns " + expected
          + " in any order, found " + header + "; rename the columns or use --layout wide");
    }
    this.idIndex = header.indexOf(idColumn);
    this.itemIndex = header.indexOf(ReadOptions.ITEM_COLUMN);
    this.responseIndex = header.indexOf(ReadOptions.RESPONSE_COLUMN);
    this.parser = new CellParser(options);
  }

  /** @return the id column name */
  String idColumn() {
    return idColumn;
  }

  /**
   * @param values a row's fields
   * @return the trimmed id, {@code ""} when blank
   */
  String id(Object[] values) {
    return values[idIndex] == null ? "" : CellParser.asToken(values[idIndex]).strip();
  }

  /**
   * @param values a row's fields
   * @return the trimmed item name, {@code ""} when blank
   */
  String item(Object[] values) {
    return values[itemIndex] == null ? "" : CellParser.asToken(values[itemIndex]).strip();
  }

  /**
   * @param values a row's fields
   * @return the response code
   */
  byte code(Object[] values) {
    return parser.code(values[responseIndex]);
  }

  /**
   * @param values a row's fields
   * @return the raw response token
   */
  String token(Object[] values) {
    return CellParser.asToken(values[responseIndex]);
  }

  /** @return the schema of coded answers: id, item, response (null when missing) */
  StructType schema() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField(idColumn, DataTypes.StringType, false),
        DataTypes.createStructField(ReadOptions.ITEM_COLUMN, DataTypes.StringType, false),
        DataTypes.createStructField(ReadOptions.RESPONSE_COLUMN, DataTypes.ByteType, true)));
  }

  /**
   * @param record a well-formed, valid record
   * @return the coded answer
   */
  Row toRow(RawRecord record) {
    byte code = code(record.values());
    return RowFactory.create(id(record.values()), item(record.values()),
        code == 0 || code == 1 ? code : null);
  }
}
