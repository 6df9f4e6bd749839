package io.github.msirt.ml;

import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** DataFrames of response matrices in the layouts the API reads. */
final class TestFrames {
  /** The id column of every frame. */
  static final String ID = "respondent_id";

  private TestFrames() {
  }

  /**
   * A wide frame: the id column, then the items, int cells, null for missing.
   *
   * @param spark the session
   * @param matrix the responses, ids as row numbers when the matrix has none
   * @param rowOrder the matrix rows to include, in frame order
   * @param itemsReversed whether the item columns come in reverse order
   * @return the frame
   */
  static Dataset<Row> wide(SparkSession spark, ResponseMatrix matrix, int[] rowOrder,
      boolean itemsReversed) {
    int items = matrix.itemCount();
    int[] columnOf = new int[items];
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ID, DataTypes.StringType, false));
    for (int c = 0; c < items; c++) {
      int j = itemsReversed ? items - 1 - c : c;
      columnOf[j] = c + 1;
      fields.add(DataTypes.createStructField(matrix.items().get(j), DataTypes.IntegerType,
          true));
    }
    List<Row> rows = new ArrayList<>();
    for (int i : rowOrder) {
      Object[] values = new Object[items + 1];
      values[0] = matrix.id(i);
      for (int j = 0; j < items; j++) {
        byte cell = matrix.cell(i, j);
        values[columnOf[j]] = cell == ResponseMatrix.MISSING ? null : (int) cell;
      }
      rows.add(RowFactory.create(values));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }

  /**
   * @param spark the session
   * @param matrix the responses
   * @return the wide frame with the rows and items in matrix order
   */
  static Dataset<Row> wide(SparkSession spark, ResponseMatrix matrix) {
    return wide(spark, matrix, identity(matrix.rowCount()), false);
  }

  /**
   * @param spark the session
   * @param matrix the responses
   * @return the wide frame with the rows and the item columns in reverse order
   */
  static Dataset<Row> reversed(SparkSession spark, ResponseMatrix matrix) {
    int[] order = new int[matrix.rowCount()];
    for (int i = 0; i < order.length; i++) {
      order[i] = order.length - 1 - i;
    }
    return wide(spark, matrix, order, true);
  }

  /**
   * A long frame, one row per answered cell: {@code respondent_id, item, response}.
   *
   * @param spark the session
   * @param matrix the responses
   * @return the frame
   */
  static Dataset<Row> longLayout(SparkSession spark, ResponseMatrix matrix) {
    StructType schema = new StructType()
        .add(ID, DataTypes.StringType, false)
        .add("item", DataTypes.StringType, false)
        .add("response", DataTypes.IntegerType, true);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < matrix.rowCount(); i++) {
      for (int j = 0; j < matrix.itemCount(); j++) {
        byte cell = matrix.cell(i, j);
        if (cell != ResponseMatrix.MISSING) {
          rows.add(RowFactory.create(matrix.id(i), matrix.items().get(j), (int) cell));
        }
      }
    }
    return spark.createDataFrame(rows, schema);
  }

  private static int[] identity(int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    return order;
  }
}
