package io.github.msirt.io;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Distributed sources of {@link RawRecord}s, one per data row, each knowing its file and
 * position, so that a bad row found on an executor can be named on the driver.
 */
final class SparkRecords {
  private SparkRecords() {
  }

  /**
   * Reads CSV files as lines of text, with Hadoop's line reader (LF or CRLF line ends),
   * dropping the header line at the start of each file. Each record carries the byte offset
   * of its line.
   *
   * @param spark the session
   * @param files CSV files, each starting with the same header
   * @param width the header's field count
   * @return one record per data line
   */
  static JavaRDD<RawRecord> csv(SparkSession spark, List<Path> files, int width) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String paths = files.stream()
        .map(file -> file.toAbsolutePath().toUri().toString())
        .collect(Collectors.joining(","));
    JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
        context.newAPIHadoopFile(paths, TextInputFormat.class, LongWritable.class, Text.class,
            context.hadoopConfiguration());
    return lines.mapPartitionsWithInputSplit(
        (split, input) -> splitRecords(split, input, width), false);
  }

  private static Iterator<RawRecord> splitRecords(InputSplit split,
      Iterator<Tuple2<LongWritable, Text>> input, int width) {
    FileSplit fileSplit = (FileSplit) split;
    String file = fileSplit.getPath().toString();

    // Only the split that starts the file holds its header line.
    if (fileSplit.getStart() == 0 && input.hasNext()) {
      input.next();
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return input.hasNext();
      }

      @Override
      public RawRecord next() {
        Tuple2<LongWritable, Text> line = input.next();
        RowPosition position = new RowPosition(file, line._1().get(),
            RowPosition.Kind.BYTE_OFFSET);
        String text = CsvHeader.stripBom(line._2().toString());
        return RawRecord.ofCsvLine(text, position, width);
      }
    };
  }

  /**
   * Reads the rows of Parquet files with their file and row index.
   *
   * @param spark the session
   * @param input Parquet files
   * @param header the columns to read, in order
   * @return one record per row
   */
  static JavaRDD<RawRecord> parquet(SparkSession spark, InputFiles input,
      List<String> header) {
    List<Column> columns = new ArrayList<>();
    header.forEach(name -> columns.add(col("`" + name + "`")));
    columns.add(ParquetFrames.filePath());
    columns.add(ParquetFrames.rowIndex());
    int width = header.size();
    return ParquetFrames.load(spark, input)
        .select(columns.toArray(new Column[0]))
        .javaRDD()
        .map(row -> RawRecord.of(valuesOf(row, width), ParquetFrames.position(row, width)));
  }

  private static Object[] valuesOf(Row row, int width) {
    Object[] values = new Object[width];
    for (int column = 0; column < width; column++) {
      values[column] = row.get(column);
    }
    return values;
  }
}
