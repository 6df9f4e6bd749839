package io.github.msirt.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the generated responses G, which may be far too large for the driver, as a Spark
 * frame with one {@code ByteType} column (0, 1 or null) per item.
 *
 * <p>Cells are parsed by {@link CellParser} on the executors, never by Spark's schema
 * inference. One distributed pass audits every row (cell values, field counts, ids) and
 * brings only counts and the first example of each problem to the driver; an error names the
 * part file, the data row and file line, the column and the value. Rows without answers are
 * left out and counted.
 */
public final class GeneratedReader {
  private static final Logger LOG = LoggerFactory.getLogger(GeneratedReader.class);

  private final SparkSession spark;
  private final ReadOptions options;

  /**
   * @param spark the session that will hold the frame
   * @param options id column, format, layout and cell rules
   */
  public GeneratedReader(SparkSession spark, ReadOptions options) {
    this.spark = spark;
    this.options = options;
  }

  /**
   * @param path a CSV or Parquet file, or a folder of part files
   * @return the validated frame with its counts
   * @throws InputException naming file, column, row and value for any bad input
   */
  public GeneratedResponses read(Path path) {
    InputFiles input = InputFiles.resolve(path, options.format());
    List<String> header = header(input);
    JavaRDD<RawRecord> records = input.format() == FileFormat.PARQUET
        ? SparkRecords.parquet(spark, input, header)
        : SparkRecords.csv(spark, input.files(), header.size());
    GeneratedResponses generated = options.layout() == Layout.LONG
        ? readLong(input.sourceName(), header, records)
        : readWide(input.sourceName(), header, records);
    LOG.info("Read {}: {} respondents with answers, {} items, {}; answered cells per item {}",
        input.sourceName(), generated.respondentCount(), generated.items().size(),
        generated.idColumn() == null ? "no id column" : "ids from " + generated.idColumn(),
        generated.tally().observedCounts());
    if (generated.emptyRowsDropped() > 0) {
      LOG.warn("{}: {} rows answer no item and are left out", input.sourceName(),
          generated.emptyRowsDropped());
    }
    return generated;
  }

  private List<String> header(InputFiles input) {
    if (input.format() == FileFormat.PARQUET) {
      List<String> names = Arrays.asList(ParquetFrames.load(spark, input).columns());
      CsvHeader.checkNames(names, input.sourceName());
      return names;
    }
    List<Path> files = input.files();
    List<String> header = CsvRows.header(files.get(0));
    for (Path part : files.subList(1, files.size())) {
      List<String> other = CsvRows.header(part);
      if (!header.equals(other)) {
        throw new InputException(input.sourceName() + ": part file " + part.getFileName()
            + " has header " + other + " but " + files.get(0).getFileName() + " has "
            + header + "; every part file must have the same columns in the same order");
      }
    }
    return header;
  }

  private GeneratedResponses readWide(String source, List<String> header,
      JavaRDD<RawRecord> records) {
    WideRowCoder coder = new WideRowCoder(source, header, options);
    GeneratedAudit audit = records.aggregate(new GeneratedAudit(coder),
        (partial, record) -> partial.add(record, coder), GeneratedAudit::merge);
    audit.throwIfBad(source, header.size(), options.idColumn(), "column", this::toFileLine);

    JavaRDD<Row> rows = records.map(coder::toRow).filter(Objects::nonNull);
    Dataset<Row> frame = spark.createDataFrame(rows, coder.schema());
    return new GeneratedResponses(source, frame, coder.items(),
        coder.hasIds() ? coder.idColumn() : null, audit.answeredRows(), audit.emptyRows(),
        audit.tally());
  }

  private GeneratedResponses readLong(String source, List<String> header,
      JavaRDD<RawRecord> records) {
    LongRowCoder coder = new LongRowCoder(source, header, options);
    GeneratedAudit audit = records.aggregate(new GeneratedAudit(),
        (partial, record) -> partial.add(record, coder), GeneratedAudit::merge);
    audit.throwIfBad(source, header.size(), options.idColumn(), "item", this::toFileLine);

    Dataset<Row> answers = spark.createDataFrame(records.map(coder::toRow), coder.schema());
    requireOneAnswerPerItem(source, answers, coder.idColumn());
    List<String> items = audit.itemNames().stream().sorted().collect(Collectors.toList());
    Dataset<Row> wide = answers.groupBy(col("`" + coder.idColumn() + "`"))
        .pivot(ReadOptions.ITEM_COLUMN, new ArrayList<>(items))
        .agg(first(ReadOptions.RESPONSE_COLUMN, true));
    return longAsWide(source, wide, items, coder.idColumn());
  }

  private static void requireOneAnswerPerItem(String source, Dataset<Row> answers,
      String idColumn) {
    List<Row> repeated = answers.groupBy(idColumn, ReadOptions.ITEM_COLUMN).count()
        .filter(col("count").gt(1)).limit(1).collectAsList();
    if (!repeated.isEmpty()) {
      Row example = repeated.get(0);
      throw new InputException(source + ": respondent " + example.getString(0)
          + " answers item " + example.getString(1) + " " + example.getLong(2) + " times; "
          + "keep one row per respondent and item");
    }
  }

  private static GeneratedResponses longAsWide(String source, Dataset<Row> wide,
      List<String> items, String idColumn) {
    Column answered = lit(0);
    List<Column> counts = new ArrayList<>();
    for (String item : items) {
      Column cell = col("`" + item + "`");
      answered = answered.plus(when(cell.isNotNull(), 1).otherwise(0));
      counts.add(sum(when(cell.equalTo(0), 1).otherwise(0)));
      counts.add(sum(when(cell.equalTo(1), 1).otherwise(0)));
    }
    counts.add(count(lit(1)));
    Dataset<Row> kept = wide.filter(answered.gt(0));
    long emptyRows = wide.filter(answered.equalTo(0)).count();
    Row totals = kept.agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]))
        .first();

    ItemTally tally = new ItemTally(items);
    long respondents = totals.getLong(2 * items.size());
    for (int j = 0; j < items.size(); j++) {
      tally.addCounts(j, nullToZero(totals, 2 * j), nullToZero(totals, 2 * j + 1),
          respondents);
    }
    return new GeneratedResponses(source, kept, items, idColumn, respondents, emptyRows,
        tally);
  }

  private static long nullToZero(Row row, int index) {
    return row.isNullAt(index) ? 0 : row.getLong(index);
  }

  private RowPosition toFileLine(RowPosition position) {
    Configuration configuration = spark.sparkContext().hadoopConfiguration();
    return LineLocator.toFileLine(position, configuration);
  }
}
