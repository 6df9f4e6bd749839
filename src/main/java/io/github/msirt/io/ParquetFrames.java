package io.github.msirt.io;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Loads Parquet files with Spark together with each row's file and row index, taken from
 * Spark's hidden {@code _metadata} column, so that errors can name the row.
 */
final class ParquetFrames {
  /** Alias of the column holding the file path. */
  static final String FILE_COLUMN = "__msirt_file";

  /** Alias of the column holding the 0-based row index within the file. */
  static final String INDEX_COLUMN = "__msirt_row_index";

  private ParquetFrames() {
  }

  /**
   * @param spark the session
   * @param input Parquet files
   * @return the files as one frame, with their own columns only
   * @throws InputException if Spark cannot read them
   */
  static Dataset<Row> load(SparkSession spark, InputFiles input) {
    List<String> paths = input.files().stream()
        .map(path -> path.toAbsolutePath().toUri().toString())
        .collect(Collectors.toList());
    try {
      return spark.read().parquet(paths.toArray(new String[0]));
    } catch (RuntimeException failure) {
      throw new InputException(input.sourceName() + ": cannot read it as Parquet ("
          + firstLine(failure) + "); pass --format csv if it is CSV", failure);
    }
  }

  private static String firstLine(RuntimeException failure) {
    String message = String.valueOf(failure.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** @return the file path column, aliased {@value #FILE_COLUMN} */
  static Column filePath() {
    return col("_metadata.file_path").as(FILE_COLUMN);
  }

  /** @return the row index column, aliased {@value #INDEX_COLUMN} */
  static Column rowIndex() {
    return col("_metadata.row_index").as(INDEX_COLUMN);
  }

  /**
   * @param row a row selected with {@link #filePath()} and {@link #rowIndex()} after
   *     {@code offset} columns of data
   * @param offset the number of data columns before them
   * @return the row's position
   */
  static RowPosition position(Row row, int offset) {
    return new RowPosition(row.getString(offset), row.getLong(offset + 1),
        RowPosition.Kind.ROW_INDEX);
  }
}
