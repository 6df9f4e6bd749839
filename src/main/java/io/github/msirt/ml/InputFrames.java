package io.github.msirt.ml;

import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input DataFrames of a fit: O and P, the small human sample, collected to the driver as
 * response matrices with P paired to O by respondent id, and G checked and brought to the
 * wide layout for its distributed passes. O, P and G must hold the same items.
 */
final class InputFrames {
  private static final Logger LOG = LoggerFactory.getLogger(InputFrames.class);
  private static final int EXAMPLES_SHOWN = 5;

  // A cell of the long layout that no answer has filled yet.
  private static final byte UNSET = -2;

  /** Column types that hold 0/1 responses: those {@code SparkResponses} accepts for G. */
  static final Set<DataType> RESPONSE_TYPES = Set.of(DataTypes.ByteType, DataTypes.ShortType,
      DataTypes.IntegerType, DataTypes.LongType, DataTypes.BooleanType, DataTypes.DoubleType);

  private final MixedSubjectsIrtParams params;
  private final boolean longLayout;

  /**
   * G in the wide layout.
   *
   * @param frame one row per respondent, a column per item
   * @param pivoted whether it was pivoted from the long layout, so that caching it while it
   *     is packed saves a second pivot
   */
  record Generated(Dataset<Row> frame, boolean pivoted) {
  }

  /**
   * @param params where the responses are: layout, id, item and response columns, items
   */
  InputFrames(MixedSubjectsIrtParams params) {
    this.params = params;
    this.longLayout = "long".equals(params.getLayout());
  }

  /**
   * Collects a small response set to the driver.
   *
   * @param responses O or P as given
   * @param role its name in messages
   * @param items the items to hold, in this order; {@code null} for O, whose items are the
   *     {@code itemCols} param or else all it holds
   * @param needIds whether every row must carry an id (always in the long layout)
   * @return the matrix, with ids as strings (row numbers when there is no id column)
   * @throws IllegalArgumentException for a missing column, missing or extra items, a null or
   *     repeated id, a column of a non-response type, or a value other than 0, 1 or null
   */
  ResponseMatrix collect(Dataset<?> responses, String role, List<String> items,
      boolean needIds) {
    Dataset<Row> frame = responses.toDF();
    ResponseMatrix matrix = longLayout ? collectLong(frame, role, items)
        : collectWide(frame, role, items, needIds);
    LOG.info("{}: {} rows x {} items collected to the driver", role, matrix.rowCount(),
        matrix.itemCount());
    return matrix;
  }

  private ResponseMatrix collectWide(Dataset<Row> frame, String role, List<String> items,
      boolean needIds) {
    String idCol = params.getIdCol();
    List<String> columns = Arrays.asList(frame.columns());
    boolean hasIds = columns.contains(idCol);
    if (needIds && !hasIds) {
      throw new IllegalArgumentException(role + " has no id column " + idCol + "; its"
          + " columns are " + columns + "; P is paired with O by id, so set idCol to the"
          + " column that names respondents");
    }
    List<String> kept = keptItems(role, itemColumns(columns), items);
    checkTypes(frame, role, kept);

    // The id as text, then the items in order, to the driver
    List<Column> selection = new ArrayList<>();
    if (hasIds) {
      selection.add(ResponseLayout.quoted(idCol).cast(DataTypes.StringType));
    }
    kept.forEach(item -> selection.add(ResponseLayout.quoted(item)));
    List<Row> rows = frame.select(selection.toArray(new Column[0])).collectAsList();
    return wideMatrix(role, rows, kept, hasIds);
  }

  private List<String> itemColumns(List<String> columns) {
    List<String> items = new ArrayList<>(columns);
    items.remove(params.getIdCol());
    return items;
  }

  /**
   * The items a response set contributes, after checking that it holds them. With
   * {@code itemCols} set, other items are ignored; otherwise the set must hold exactly O's
   * items, in any order.
   *
   * @param role the response set
   * @param found the items it holds
   * @param items O's items, or {@code null} for O itself
   * @return the items, in O's order
   * @throws IllegalArgumentException naming the missing and the extra items
   */
  private List<String> keptItems(String role, List<String> found, List<String> items) {
    List<String> expected = items != null ? items : params.getItemCols();
    if (expected == null) {
      if (found.isEmpty()) {
        throw new IllegalArgumentException(role + " holds no items besides the id column "
            + params.getIdCol() + "; give one 0/1 column per item");
      }
      return found;
    }
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(found);
    List<String> extra = new ArrayList<>();
    if (params.getItemCols() == null) {
      extra.addAll(found);
      extra.removeAll(expected);
    }
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw itemMismatch(role, missing, extra);
    }
    return expected;
  }

  private IllegalArgumentException itemMismatch(String role, List<String> missing,
      List<String> extra) {
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing " + shown(missing));
    }
    if (!extra.isEmpty()) {
      problems.add("extra " + shown(extra));
    }
    String reference = "observed".equals(role) ? "the itemCols param" : "observed";
    return new IllegalArgumentException(role + " does not hold the items of " + reference
        + ": " + String.join("; ", problems) + "; O, P and G must hold the same items, in any"
        + " order, or set itemCols to the items to use");
  }

  private static void checkTypes(Dataset<Row> frame, String role, List<String> columns) {
    List<String> problems = new ArrayList<>();
    for (String column : columns) {
      DataType type = frame.schema().apply(column).dataType();
      if (!RESPONSE_TYPES.contains(type)) {
        problems.add(column + " (" + type.simpleString() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(role + " has response columns of a type that cannot"
          + " hold 0/1 responses: " + shown(problems) + "; cast them to int, e.g."
          + " col(name).cast(\"int\"), or, if they are not items, name the id column with"
          + " idCol or list the items with itemCols");
    }
  }

  private static ResponseMatrix wideMatrix(String role, List<Row> rows, List<String> items,
      boolean hasIds) {
    int width = items.size();
    int offset = hasIds ? 1 : 0;
    byte[] cells = new byte[rows.size() * width];
    String[] ids = hasIds ? new String[rows.size()] : null;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (hasIds) {
        ids[i] = requireId(role, row, i);
      }
      String who = hasIds ? "respondent " + ids[i] : "row " + (i + 1);
      for (int j = 0; j < width; j++) {
        cells[i * width + j] = code(row.get(offset + j), role, who, items.get(j));
      }
    }
    if (hasIds) {
      checkDistinct(role, ids);
    }
    return ResponseMatrix.of(items, cells, ids, null);
  }

  private static String requireId(String role, Row row, int index) {
    if (row.isNullAt(0)) {
      throw new IllegalArgumentException(role + " row " + (index + 1) + " has no respondent"
          + " id; every respondent needs one");
    }
    return row.getString(0);
  }

  private ResponseMatrix collectLong(Dataset<Row> frame, String role, List<String> items) {
    String idCol = params.getIdCol();
    List<String> columns = Arrays.asList(frame.columns());
    for (String name : List.of(idCol, params.getItemCol(), params.getResponseCol())) {
      if (!columns.contains(name)) {
        throw new IllegalArgumentException(role + " (long layout) has no column " + name
            + "; its columns are " + columns + "; set idCol, itemCol and responseCol");
      }
    }
    checkTypes(frame, role, List.of(params.getResponseCol()));

    // Every answer to the driver, then the items they name
    List<Row> rows = frame.select(ResponseLayout.quoted(idCol).cast(DataTypes.StringType),
        ResponseLayout.quoted(params.getItemCol()).cast(DataTypes.StringType),
        ResponseLayout.quoted(params.getResponseCol())).collectAsList();
    TreeSet<String> found = new TreeSet<>();
    for (int r = 0; r < rows.size(); r++) {
      found.add(requireItem(role, rows.get(r), r));
    }
    List<String> kept = keptItems(role, new ArrayList<>(found), items);
    return longMatrix(role, rows, kept);
  }

  private String requireItem(String role, Row row, int index) {
    requireId(role, row, index);
    if (row.isNullAt(1)) {
      throw new IllegalArgumentException(role + " row " + (index + 1) + " has no "
          + params.getItemCol() + "; every answer must name its item");
    }
    return row.getString(1);
  }

  private ResponseMatrix longMatrix(String role, List<Row> rows, List<String> items) {
    Map<String, Integer> itemIndex = new HashMap<>();
    for (int j = 0; j < items.size(); j++) {
      itemIndex.put(items.get(j), j);
    }

    // One row per respondent, in order of first appearance
    Map<String, byte[]> respondents = new LinkedHashMap<>();
    List<String> repeated = new ArrayList<>();
    for (Row row : rows) {
      Integer item = itemIndex.get(row.getString(1));
      if (item == null) {
        continue;
      }
      byte[] cells = respondents.computeIfAbsent(row.getString(0), id -> missingRow(items));
      if (cells[item] != UNSET) {
        repeated.add("(" + row.getString(0) + ", " + row.getString(1) + ")");
      }
      cells[item] = code(row.get(2), role, "respondent " + row.getString(0),
          row.getString(1));
    }
    if (!repeated.isEmpty()) {
      throw new IllegalArgumentException(role + " answers the same item more than once for a"
          + " respondent, for example " + shown(repeated) + "; keep one answer per ("
          + params.getIdCol() + ", " + params.getItemCol() + ") pair");
    }
    return matrixOf(items, respondents);
  }

  private static byte[] missingRow(List<String> items) {
    byte[] cells = new byte[items.size()];
    Arrays.fill(cells, UNSET);
    return cells;
  }

  private static ResponseMatrix matrixOf(List<String> items, Map<String, byte[]> respondents) {
    int width = items.size();
    byte[] cells = new byte[respondents.size() * width];
    String[] ids = respondents.keySet().toArray(new String[0]);
    for (int i = 0; i < ids.length; i++) {
      byte[] row = respondents.get(ids[i]);
      for (int j = 0; j < width; j++) {
        cells[i * width + j] = row[j] == UNSET ? ResponseMatrix.MISSING : row[j];
      }
    }
    return ResponseMatrix.of(items, cells, ids, null);
  }

  private static byte code(Object value, String role, String who, String item) {
    if (value == null) {
      return ResponseMatrix.MISSING;
    }
    if (value instanceof Boolean answer) {
      return (byte) (answer ? 1 : 0);
    }
    double number = ((Number) value).doubleValue();
    if (number == 0.0 || number == 1.0) {
      return (byte) number;
    }
    throw new IllegalArgumentException(role + ", " + who + ", item " + item + ": value "
        + value + " is not a 0/1 response; recode it to 0, 1 or null");
  }

  private static void checkDistinct(String role, String[] ids) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        repeated.add(id);
      }
    }
    if (!repeated.isEmpty()) {
      throw new IllegalArgumentException(role + " has " + repeated.size() + " repeated"
          + " respondent id(s): " + shown(new ArrayList<>(repeated)) + "; each respondent"
          + " needs exactly one row");
    }
  }

  /**
   * Puts P's rows in O's order, matching them by respondent id.
   *
   * @param observed O, with ids
   * @param predicted P, with ids
   * @return P with row i predicting row i of O
   * @throws IllegalArgumentException if an O id has no P row or a P id no O row (the message
   *     counts both and lists a few of each)
   */
  ResponseMatrix pair(ResponseMatrix observed, ResponseMatrix predicted) {
    Map<String, Integer> predictedRows = new HashMap<>();
    for (int i = 0; i < predicted.rowCount(); i++) {
      predictedRows.put(predicted.id(i), i);
    }
    List<String> unpredicted = new ArrayList<>();
    int[] order = new int[observed.rowCount()];
    for (int i = 0; i < observed.rowCount(); i++) {
      Integer row = predictedRows.remove(observed.id(i));
      if (row == null) {
        unpredicted.add(observed.id(i));
      } else {
        order[i] = row;
      }
    }
    if (!unpredicted.isEmpty() || !predictedRows.isEmpty()) {
      throw unpaired(unpredicted, new ArrayList<>(new TreeSet<>(predictedRows.keySet())));
    }
    return predicted.selectRows(order);
  }

  private IllegalArgumentException unpaired(List<String> unpredicted, List<String> unmatched) {
    List<String> problems = new ArrayList<>();
    if (!unpredicted.isEmpty()) {
      problems.add(unpredicted.size() + " observed id(s) have no predicted row: "
          + shown(unpredicted));
    }
    if (!unmatched.isEmpty()) {
      problems.add(unmatched.size() + " predicted id(s) match no observed row: "
          + shown(unmatched));
    }
    return new IllegalArgumentException("predicted does not pair with observed by "
        + params.getIdCol() + ": " + String.join("; ", problems) + "; P needs exactly one"
        + " prediction row for every respondent of O");
  }

  /**
   * Brings G to the wide layout, checking that it holds O's items; nothing is collected.
   *
   * @param responses G as given
   * @param items O's items, in order
   * @return G in the wide layout
   * @throws IllegalArgumentException for missing or extra items, or in the long layout a
   *     missing column, an answer without id or item, or a repeated (id, item) pair
   */
  Generated generated(Dataset<?> responses, List<String> items) {
    if (!longLayout) {
      Dataset<Row> frame = responses.toDF();
      keptItems("generated", itemColumns(Arrays.asList(frame.columns())), items);
      return new Generated(frame, false);
    }
    ResponseLayout.Pivot pivot = ResponseLayout.pivot(responses, params.getIdCol(),
        params.getItemCol(), params.getResponseCol(), items, "generated");
    keptItems("generated", pivot.itemsFound(), items);
    return new Generated(pivot.wide(), true);
  }

  private static String shown(List<String> values) {
    List<String> first = values.subList(0, Math.min(EXAMPLES_SHOWN, values.size()));
    return String.join(", ", first) + (values.size() > first.size() ? ", ..." : "");
  }
}
