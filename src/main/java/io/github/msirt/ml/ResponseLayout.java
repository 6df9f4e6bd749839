package io.github.msirt.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns responses in the long layout, one row per answer ({@code id, item, response}), into
 * the wide layout the estimator and the scorer read: one row per respondent with an id
 * column and one column per item, null where the respondent gave no answer.
 *
 * <pre>{@code
 * Dataset<Row> wide = ResponseLayout.toWide(answers, "respondent_id", "item", "response",
 *     List.of("q1", "q2", "q3"));
 * }</pre>
 */
public final class ResponseLayout {
  private static final int EXAMPLES_SHOWN = 5;

  private ResponseLayout() {
  }

  /** A pivoted frame and the items its long rows named. */
  record Pivot(Dataset<Row> wide, List<String> itemsFound) {
  }

  /**
   * Pivots long responses to the wide layout, after checking that every row has an id and
   * an item name and that no respondent answers an item twice. The check is one Spark
   * aggregation grouped by item; the pivot itself stays lazy.
   *
   * @param responses one row per answer
   * @param idCol the respondent id column
   * @param itemCol the column naming the item
   * @param responseCol the column holding the 0/1 response (null for missing)
   * @param items the item columns to produce, in this order; {@code null} for every item the
   *     rows name, sorted by name. Rows of other items are left out.
   * @return the wide frame: {@code idCol}, then one column per item of the response
   *     column's type
   * @throws IllegalArgumentException if a column is missing, a row lacks its id or item, or
   *     an (id, item) pair repeats (the message lists a few of them)
   */
  public static Dataset<Row> toWide(Dataset<?> responses, String idCol, String itemCol,
      String responseCol, List<String> items) {
    return pivot(responses, idCol, itemCol, responseCol, items, "responses").wide();
  }

  /**
   * {@link #toWide} for one named response set, also returning the items its rows name.
   *
   * @param role the response set in messages, e.g. {@code generated}
   */
  static Pivot pivot(Dataset<?> responses, String idCol, String itemCol, String responseCol,
      List<String> items, String role) {
    Dataset<Row> frame = responses.toDF();
    List<String> columns = Arrays.asList(frame.columns());
    for (String name : List.of(idCol, itemCol, responseCol)) {
      if (!columns.contains(name)) {
        throw new IllegalArgumentException(role + " (long layout) has no column " + name
            + "; its columns are " + columns + "; set idCol, itemCol and responseCol");
      }
    }

    // One pass: rows, ids and distinct ids per item
    List<Row> perItem = frame.groupBy(quoted(itemCol))
        .agg(count(lit(1)), count(quoted(idCol)), countDistinct(quoted(idCol)))
        .collectAsList();
    List<String> found = checkGroups(frame, perItem, idCol, itemCol, role);

    // Pivot to one column per item
    List<String> kept = items == null ? found : List.copyOf(items);
    Dataset<Row> wide = frame.groupBy(quoted(idCol))
        .pivot(quoted(itemCol), new ArrayList<Object>(kept))
        .agg(first(quoted(responseCol)));
    return new Pivot(wide, found);
  }

  private static List<String> checkGroups(Dataset<Row> frame, List<Row> perItem, String idCol,
      String itemCol, String role) {
    TreeSet<String> found = new TreeSet<>();
    boolean repeated = false;
    for (Row group : perItem) {
      if (group.isNullAt(0)) {
        throw new IllegalArgumentException(role + " has " + group.getLong(1)
            + " row(s) with no " + itemCol + "; every answer must name its item");
      }
      if (group.getLong(1) != group.getLong(2)) {
        throw new IllegalArgumentException(role + " has " + (group.getLong(1) - group.getLong(2))
            + " row(s) of item " + group.get(0) + " with no " + idCol
            + "; every answer must carry its respondent's id");
      }
      repeated |= group.getLong(2) != group.getLong(3);
      found.add(group.get(0).toString());
    }
    if (repeated) {
      throw duplicates(frame, idCol, itemCol, role);
    }
    return List.copyOf(found);
  }

  private static IllegalArgumentException duplicates(Dataset<Row> frame, String idCol,
      String itemCol, String role) {
    List<Row> examples = frame.groupBy(quoted(idCol), quoted(itemCol)).count()
        .where(col("count").gt(1)).limit(EXAMPLES_SHOWN).collectAsList();
    List<String> pairs = new ArrayList<>();
    for (Row pair : examples) {
      pairs.add("(" + pair.get(0) + ", " + pair.get(1) + ") " + pair.getLong(2) + " times");
    }
    return new IllegalArgumentException(role + " answers the same item more than once for"
        + " a respondent, for example " + String.join(", ", pairs) + "; keep one answer per ("
        + idCol + ", " + itemCol + ") pair");
  }

  /**
   * @param name a column name, possibly with dots or spaces
   * @return the column, quoted so that the name is taken literally
   */
  static Column quoted(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }
}
