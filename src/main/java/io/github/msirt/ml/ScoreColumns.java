package io.github.msirt.ml;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of scoring: checks of the item columns, the Spark expressions that turn each
 * cell into a response code, and the score columns added to every row.
 */
final class ScoreColumns {
  /** Bounded ML ability; null without answers. */
  static final String THETA = "theta";
  /** Its standard error; +Infinity at a bound, null without answers. */
  static final String SE = "se";
  /** interior, lower_bound, upper_bound or no_responses. */
  static final String STATUS = "theta_status";
  /** EAP ability. */
  static final String EAP = "theta_eap";
  /** Posterior standard deviation of the ability. */
  static final String EAP_SD = "theta_eap_sd";

  private static final String SCORES = "__msirt_scores";

  private ScoreColumns() {
  }

  /**
   * @param eap whether the EAP columns are added
   * @return the names of the added columns, in order
   */
  static List<String> names(boolean eap) {
    return eap ? List.of(THETA, SE, STATUS, EAP, EAP_SD) : List.of(THETA, SE, STATUS);
  }

  /**
   * Checks the input schema of scoring and appends the score columns.
   *
   * @param schema the rows to score
   * @param items the model's items
   * @param eap whether the EAP columns are added
   * @return the schema of the scored rows
   * @throws IllegalArgumentException if an item column is missing or not of a response type,
   *     or a score column already exists
   */
  static StructType appendTo(StructType schema, List<String> items, boolean eap) {
    List<String> columns = Arrays.asList(schema.fieldNames());
    List<String> missing = new ArrayList<>(items);
    missing.removeAll(columns);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the rows to score lack item column(s) " + missing
          + " of the calibration; give one 0/1/null column per item (scoring takes the wide"
          + " layout; pivot long rows with ResponseLayout.toWide)");
    }
    checkTypes(schema, items);
    StructType scored = schema;
    for (StructField field : ScoreFunction.resultType(eap).fields()) {
      if (columns.contains(field.name())) {
        throw new IllegalArgumentException("the rows to score already have a column "
            + field.name() + "; rename or drop it, since scoring adds it");
      }
      scored = scored.add(field);
    }
    return scored;
  }

  private static void checkTypes(StructType schema, List<String> items) {
    List<String> problems = new ArrayList<>();
    for (String item : items) {
      DataType type = schema.apply(item).dataType();
      if (!InputFrames.RESPONSE_TYPES.contains(type)) {
        problems.add(item + " (" + type.simpleString() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("item column(s) of a type that cannot hold 0/1"
          + " responses: " + problems + "; cast them to int, e.g. col(name).cast(\"int\")");
    }
  }

  /**
   * Adds the score columns to every row, computed by one UDF call per row over the array of
   * the row's item codes. The UDF's struct is referenced by every score column, so Spark
   * keeps it in a projection of its own and calls the UDF once a row.
   *
   * @param rows the rows to score, already checked by {@link #appendTo}
   * @param items the model's items
   * @param function the scorer
   * @param eap whether the EAP columns are added
   * @return the rows with the score columns appended
   */
  static Dataset<Row> score(Dataset<Row> rows, List<String> items, ScoreFunction function,
      boolean eap) {
    Column[] codes = new Column[items.size()];
    for (int j = 0; j < codes.length; j++) {
      codes[j] = code(items.get(j), rows.schema().apply(items.get(j)).dataType());
    }
    UserDefinedFunction udf = functions.udf(function, ScoreFunction.resultType(eap));
    Dataset<Row> withScores = rows.withColumn(SCORES, udf.apply(array(codes)));

    // Unpack the struct into top-level columns
    List<Column> selected = new ArrayList<>();
    for (String name : rows.columns()) {
      selected.add(ResponseLayout.quoted(name));
    }
    for (String name : names(eap)) {
      selected.add(col(SCORES).getField(name).as(name));
    }
    return withScores.select(selected.toArray(new Column[0]));
  }

  /**
   * The response code of one cell: 0, 1, or null when missing; any other value stops the
   * job with a message naming the item and the value.
   */
  private static Column code(String item, DataType type) {
    Column cell = ResponseLayout.quoted(item);
    if (type.equals(DataTypes.BooleanType)) {
      return cell.cast(DataTypes.ByteType);
    }
    Column invalid = raise_error(concat(lit("item " + item + " holds "),
        cell.cast(DataTypes.StringType),
        lit(", which is not a 0/1 response; recode it to 0, 1 or null")));
    return when(cell.equalTo(0), lit((byte) 0)).when(cell.equalTo(1), lit((byte) 1))
        .when(cell.isNotNull(), invalid);
  }
}
