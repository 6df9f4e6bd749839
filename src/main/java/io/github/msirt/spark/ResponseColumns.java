package io.github.msirt.spark;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.shiftLeft;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The item columns of a wide response Dataset: their checks and the Spark expressions that
 * pack a row into 2-bit codes (see {@link PatternBlock}).
 */
final class ResponseColumns {
  private static final Set<DataType> ACCEPTED_TYPES = Set.of(DataTypes.ByteType,
      DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType, DataTypes.BooleanType,
      DataTypes.DoubleType);
  private static final int EXAMPLES_SHOWN = 5;

  private final Dataset<Row> data;
  private final List<String> items;
  private final DataType[] types;

  /** What one pass over the source found. */
  record Summary(long rows, long estimatedPatterns) {
  }

  /**
   * @param data the wide response data
   * @param items item column names, in the estimator's order
   * @param idColumn the respondent id column, or {@code null}
   * @throws IllegalArgumentException if an item is blank, repeated or not a column, or the id
   *     column is missing or also an item
   */
  ResponseColumns(Dataset<Row> data, List<String> items, String idColumn) {
    this.data = data;
    this.items = List.copyOf(items);
    this.types = new DataType[items.size()];
    checkNames(items);
    for (int j = 0; j < items.size(); j++) {
      types[j] = field(items.get(j)).dataType();
    }
    if (idColumn != null) {
      field(idColumn);
      if (items.contains(idColumn)) {
        throw new IllegalArgumentException("id column " + idColumn
            + " is also listed as an item; remove it from the items");
      }
    }
  }

  private static void checkNames(List<String> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("at least one item column is needed, found none");
    }
    Set<String> seen = new HashSet<>();
    for (String item : items) {
      if (item == null || item.isBlank()) {
        throw new IllegalArgumentException("item names must not be blank, found " + items);
      }
      if (!seen.add(item)) {
        throw new IllegalArgumentException("item " + item + " is listed more than once");
      }
    }
  }

  private StructField field(String name) {
    for (StructField field : data.schema().fields()) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    throw new IllegalArgumentException("column " + name + " is not in the data; its columns"
        + " are " + List.of(data.schema().fieldNames()));
  }

  /** @return the item names */
  List<String> items() {
    return items;
  }

  private Column cell(int item) {
    return data.col("`" + items.get(item).replace("`", "``") + "`");
  }

  /**
   * The packing expressions. They are exact once {@link #summarize()} has passed; before, an
   * invalid value only blurs the estimate of distinct patterns, since {@code try_cast} keeps
   * NaN or an overflow from failing the check that reports it.
   *
   * @return one expression per packed word: the items' codes (0, 1, or 2 for null) shifted
   *     into place, named {@code w0, w1, ...}
   */
  Column[] wordColumns() {
    int width = PatternBlock.wordsPerRow(items.size());
    Column[] words = new Column[width];
    for (int w = 0; w < width; w++) {
      Column word = lit(0L);
      int last = Math.min(items.size(), (w + 1) * PatternBlock.ITEMS_PER_WORD);
      for (int j = w * PatternBlock.ITEMS_PER_WORD; j < last; j++) {
        Column code =
            coalesce(cell(j).try_cast(DataTypes.LongType), lit(PatternBlock.MISSING_CODE));
        word = word.bitwiseOR(shiftLeft(code, 2 * (j % PatternBlock.ITEMS_PER_WORD)));
      }
      words[w] = word.as("w" + w);
    }
    return words;
  }

  /**
   * Checks every cell and counts the rows, and optionally estimates the distinct patterns,
   * in one Spark aggregation; no row reaches the driver.
   *
   * @param estimatePatterns whether to estimate the distinct patterns (HyperLogLog++, about
   *     5% relative error), which costs about as much again as the check
   * @return the row count and the estimate, or -1 when not estimated
   * @throws IllegalArgumentException naming each offending column with an example value, if a
   *     column has a type other than byte, short, int, long, boolean or double, or holds a
   *     value other than 0, 1 or null
   */
  Summary summarize(boolean estimatePatterns) {
    List<Integer> badTypes = new ArrayList<>();
    for (int j = 0; j < items.size(); j++) {
      if (!ACCEPTED_TYPES.contains(types[j])) {
        badTypes.add(j);
      }
    }
    if (!badTypes.isEmpty()) {
      throw badTypes(badTypes);
    }
    return summarizeValues(estimatePatterns);
  }

  private IllegalArgumentException badTypes(List<Integer> columns) {
    Column[] examples = new Column[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      examples[c] = first(cell(columns.get(c)).cast(DataTypes.StringType), true);
    }
    Row found = data.agg(examples[0], tail(examples)).first();
    List<String> problems = new ArrayList<>();
    for (int c = 0; c < Math.min(columns.size(), EXAMPLES_SHOWN); c++) {
      int j = columns.get(c);
      problems.add(items.get(j) + " (type " + types[j].simpleString() + ", for example "
          + found.get(c) + ")");
    }
    return new IllegalArgumentException(columns.size() + " item column(s) of an unusable type: "
        + String.join(", ", problems) + "; response columns must be byte, short, int, long,"
        + " boolean or double holding 0, 1 or null; cast or recode them");
  }

  // The largest offending value of each column serves as the example. Numeric buffers keep
  // the aggregation on Spark's generated hash-aggregate code; a string buffer would not.
  private Summary summarizeValues(boolean estimatePatterns) {
    List<Column> aggregates = new ArrayList<>();
    List<Integer> checked = new ArrayList<>();
    for (int j = 0; j < items.size(); j++) {
      if (!types[j].equals(DataTypes.BooleanType)) {
        Column cell = cell(j);
        Column bad = cell.isNotNull().and(cell.notEqual(0)).and(cell.notEqual(1));
        aggregates.add(max(when(bad, cell.cast(DataTypes.DoubleType))));
        checked.add(j);
      }
    }
    if (estimatePatterns) {
      aggregates.add(approx_count_distinct(xxhash64(wordColumns())));
    }
    Row found = data.agg(count(lit(1)), aggregates.toArray(new Column[0])).first();
    checkValues(found, checked);
    long estimate = estimatePatterns ? found.getLong(1 + checked.size()) : -1;
    return new Summary(found.getLong(0), estimate);
  }

  private void checkValues(Row found, List<Integer> checked) {
    List<String> problems = new ArrayList<>();
    int badColumns = 0;
    for (int c = 0; c < checked.size(); c++) {
      if (!found.isNullAt(1 + c)) {
        badColumns++;
        if (problems.size() < EXAMPLES_SHOWN) {
          problems.add(items.get(checked.get(c)) + " holds " + shown(found.getDouble(1 + c)));
        }
      }
    }
    if (badColumns > 0) {
      throw new IllegalArgumentException(badColumns + " item column(s) hold values other than"
          + " 0, 1 or null: " + String.join(", ", problems)
          + "; recode each response to 0 (wrong), 1 (right) or null (missing)");
    }
  }

  private static String shown(double value) {
    boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
    return whole ? Long.toString((long) value) : Double.toString(value);
  }

  private static Column[] tail(Column[] columns) {
    Column[] rest = new Column[columns.length - 1];
    System.arraycopy(columns, 1, rest, 0, rest.length);
    return rest;
  }
}
