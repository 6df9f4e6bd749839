package io.github.msirt.spark;

import io.github.msirt.SharedData;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Builds wide response Datasets from in-memory matrices, and test inputs. */
final class ResponseFrames {
  /** The id column every frame carries first. */
  static final String ID = "respondent_id";

  private ResponseFrames() {
  }

  /**
   * @param oracleCase e.g. {@code case07}
   * @return the case's generated responses
   */
  static ResponseMatrix generated(String oracleCase) {
    return SharedData.readMatrix(SharedData.path("oracle/" + oracleCase + "/generated.csv"));
  }

  /**
   * A frame with an id column first and the items in reverse order, so that selecting items
   * by name is exercised.
   *
   * @param spark the session
   * @param matrix the responses
   * @param type the column type: byte, short, int, long, boolean or double
   * @return one row per matrix row, null for missing cells
   */
  static Dataset<Row> frame(SparkSession spark, ResponseMatrix matrix, DataType type) {
    int items = matrix.itemCount();
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ID, DataTypes.StringType, false));
    for (int j = items - 1; j >= 0; j--) {
      fields.add(DataTypes.createStructField(matrix.items().get(j), type, true));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < matrix.rowCount(); i++) {
      Object[] values = new Object[items + 1];
      values[0] = matrix.id(i);
      for (int j = 0; j < items; j++) {
        byte cell = matrix.cell(i, j);
        values[items - j] = cell == ResponseMatrix.MISSING ? null : box(cell, type);
      }
      rows.add(RowFactory.create(values));
    }
    return spark.createDataFrame(rows, DataTypes.createStructType(fields));
  }

  /**
   * @param spark the session
   * @param matrix the responses
   * @return the frame with int columns
   */
  static Dataset<Row> frame(SparkSession spark, ResponseMatrix matrix) {
    return frame(spark, matrix, DataTypes.IntegerType);
  }

  private static Object box(byte cell, DataType type) {
    if (type.equals(DataTypes.ByteType)) {
      return cell;
    } else if (type.equals(DataTypes.ShortType)) {
      return (short) cell;
    } else if (type.equals(DataTypes.IntegerType)) {
      return (int) cell;
    } else if (type.equals(DataTypes.LongType)) {
      return (long) cell;
    } else if (type.equals(DataTypes.BooleanType)) {
      return cell == 1;
    } else if (type.equals(DataTypes.DoubleType)) {
      return (double) cell;
    }
    throw new IllegalArgumentException("no test values for type " + type);
  }

  /**
   * A frame of one column per name holding the given values, for checks of rejected input.
   *
   * @param spark the session
   * @param schema the columns
   * @param rows the rows
   * @return the frame
   */
  static Dataset<Row> frame(SparkSession spark, StructType schema, List<Row> rows) {
    return spark.createDataFrame(rows, schema);
  }

  /**
   * Parameters that vary across items: {@code a = 0.7 + 0.15 (j mod 8)} and
   * {@code d = -0.8 + 0.3 (j mod 8)}.
   *
   * @param items item names
   * @return the parameters
   */
  static ItemParameters someParameters(List<String> items) {
    double[] a = new double[items.size()];
    double[] d = new double[items.size()];
    for (int j = 0; j < items.size(); j++) {
      a[j] = 0.7 + 0.15 * (j % 8);
      d[j] = -0.8 + 0.3 * (j % 8);
    }
    return new ItemParameters(items, a, d);
  }

  /**
   * Random responses with missing cells, for more items than fit in one packed word.
   *
   * @param rows respondents
   * @param items items
   * @param missingShare probability that a cell is missing
   * @param seed random seed
   * @return the matrix
   */
  static ResponseMatrix random(int rows, int items, double missingShare, long seed) {
    Random random = new Random(seed);
    List<String> names = new ArrayList<>();
    for (int j = 0; j < items; j++) {
      names.add(String.format("q%03d", j + 1));
    }
    byte[] cells = new byte[rows * items];
    for (int index = 0; index < cells.length; index++) {
      boolean missing = random.nextDouble() < missingShare;
      cells[index] = missing ? ResponseMatrix.MISSING : (byte) random.nextInt(2);
    }
    return ResponseMatrix.of(names, cells, null, null);
  }
}
