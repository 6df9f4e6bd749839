package io.github.msirt.io;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a small response file (human responses O, predictions P, a scoring target) to the
 * driver as a {@link ResponseTable}.
 *
 * <p>CSV is read by this class itself, as text, with the rules of {@link CellParser}; Parquet
 * goes through Spark, so a session is needed for it. A folder of part files is read in file
 * name order; every part must have the same header.
 */
public final class ResponseReader {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseReader.class);

  private final ReadOptions options;
  private final SparkSession spark;

  /**
   * A reader for CSV files only.
   *
   * @param options id column, format, layout and cell rules
   */
  public ResponseReader(ReadOptions options) {
    this(options, null);
  }

  /**
   * @param options id column, format, layout and cell rules
   * @param spark session used for Parquet files, or {@code null} to read CSV only
   */
  public ResponseReader(ReadOptions options, SparkSession spark) {
    this.options = options;
    this.spark = spark;
  }

  /**
   * @param path a CSV or Parquet file, or a folder of part files
   * @return the responses with their ids and row positions
   * @throws InputException naming file, column and row for any bad input
   */
  public ResponseTable read(Path path) {
    ResponseTable table = read(path, (source, header) ->
        TableAssembler.create(source, header, options));
    LOG.info("Read {}: {} rows, {} items, {}", table.source(),
        table.matrix().rowCount(), table.matrix().itemCount(),
        table.hasIdColumn() ? "ids from " + options.idColumn() : "no id column");
    return table;
  }

  /**
   * Reads any small file row by row.
   *
   * @param path a CSV or Parquet file, or a folder of part files
   * @param sinks makes the receiver of the rows from the source name and the checked header
   * @param <T> what the rows make
   * @return the receiver's result
   */
  <T> T read(Path path, BiFunction<String, List<String>, RowSink<T>> sinks) {
    InputFiles input = InputFiles.resolve(path, options.format());
    return input.format() == FileFormat.PARQUET ? readParquet(input, sinks)
        : readCsv(input, sinks);
  }

  private <T> T readCsv(InputFiles input, BiFunction<String, List<String>, RowSink<T>> sinks) {
    List<String> header = CsvRows.header(input.files().get(0));
    for (Path part : input.files().subList(1, input.files().size())) {
      requireSameHeader(input, header, CsvRows.header(part), part);
    }

    RowSink<T> sink = sinks.apply(input.sourceName(), header);
    for (Path part : input.files()) {
      CsvRows.read(part, header, sink::add);
    }
    return sink.finish();
  }

  private static void requireSameHeader(InputFiles input, List<String> first,
      List<String> other, Path part) {
    if (!first.equals(other)) {
      throw new InputException(input.sourceName() + ": part file " + part.getFileName()
          + " has header " + other + " but " + input.files().get(0).getFileName() + " has "
          + first + "; every part file must have the same columns in the same order");
    }
  }

  private <T> T readParquet(InputFiles input,
      BiFunction<String, List<String>, RowSink<T>> sinks) {
    if (spark == null) {
      throw new IllegalStateException("reading Parquet needs a Spark session; build the "
          + "reader with one");
    }
    Dataset<Row> frame = ParquetFrames.load(spark, input);
    List<String> header = Arrays.asList(frame.columns());
    CsvHeader.checkNames(header, input.sourceName());

    // Small inputs only: the rows come to the driver, in file and row order.
    List<Column> columns = new ArrayList<>();
    header.forEach(name -> columns.add(col("`" + name + "`")));
    columns.add(ParquetFrames.filePath());
    columns.add(ParquetFrames.rowIndex());
    List<Row> rows = frame.select(columns.toArray(new Column[0]))
        .orderBy(ParquetFrames.FILE_COLUMN, ParquetFrames.INDEX_COLUMN)
        .collectAsList();

    RowSink<T> sink = sinks.apply(input.sourceName(), header);
    for (Row row : rows) {
      Object[] values = new Object[header.size()];
      for (int column = 0; column < values.length; column++) {
        values[column] = row.get(column);
      }
      sink.add(values, ParquetFrames.position(row, header.size()));
    }
    return sink.finish();
  }
}
