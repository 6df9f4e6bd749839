package io.github.msirt.io;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The generated responses G as a validated Spark frame: one {@code ByteType} column per item
 * holding 0, 1 or null (missing), after the respondent id column when the file has one.
 * Rows without any answer are already left out and counted.
 *
 * <p>The frame is lazy: every action re-reads the files, so callers that pass over G many
 * times should persist it.
 */
public final class GeneratedResponses {
  private final String source;
  private final Dataset<Row> responses;
  private final List<String> items;
  private final String idColumn;
  private final long respondents;
  private final long emptyRows;
  private final ItemTally tally;

  GeneratedResponses(String source, Dataset<Row> responses, List<String> items,
      String idColumn, long respondents, long emptyRows, ItemTally tally) {
    this.source = source;
    this.responses = responses;
    this.items = List.copyOf(items);
    this.idColumn = idColumn;
    this.respondents = respondents;
    this.emptyRows = emptyRows;
    this.tally = tally;
  }

  /**
   * Puts the item columns in the order of O's items.
   *
   * @param order O's items, in O's order
   * @param reference the name of O's file, for messages
   * @return the same data with columns id (if any), then {@code order}
   * @throws InputException naming items of O missing from G, or items of G not in O
   */
  public GeneratedResponses alignedTo(List<String> order, String reference) {
    ItemAlignment.requireSameItems(source, items, order, reference);
    List<Column> columns = new ArrayList<>();
    if (idColumn != null) {
      columns.add(col("`" + idColumn + "`"));
    }
    order.forEach(item -> columns.add(col("`" + item + "`")));
    Dataset<Row> aligned = responses.select(columns.toArray(new Column[0]));
    ItemTally alignedTally = new ItemTally(order);
    for (int j = 0; j < order.size(); j++) {
      alignedTally.add(order.get(j), tally, items.indexOf(order.get(j)));
    }
    return new GeneratedResponses(source, aligned, order, idColumn, respondents, emptyRows,
        alignedTally);
  }

  /**
   * Leaves some item columns out; rows that answered only those items then carry no
   * answers and count as empty in the passes over G.
   *
   * @param dropped item names to leave out; names G does not have are ignored
   * @return the same data without those columns
   */
  public GeneratedResponses withoutItems(List<String> dropped) {
    List<String> kept = new ArrayList<>(items);
    kept.removeAll(dropped);
    List<Column> columns = new ArrayList<>();
    if (idColumn != null) {
      columns.add(col("`" + idColumn + "`"));
    }
    kept.forEach(item -> columns.add(col("`" + item + "`")));
    ItemTally keptTally = new ItemTally(kept);
    for (String item : kept) {
      keptTally.add(item, tally, items.indexOf(item));
    }
    return new GeneratedResponses(source, responses.select(columns.toArray(new Column[0])),
        kept, idColumn, respondents, emptyRows, keptTally);
  }

  /** @return the file or folder name */
  public String source() {
    return source;
  }

  /** @return the frame: id column (if any), then one ByteType column per item */
  public Dataset<Row> responses() {
    return responses;
  }

  /** @return item names, in column order */
  public List<String> items() {
    return items;
  }

  /** @return the id column name, or {@code null} when the file has none */
  public String idColumn() {
    return idColumn;
  }

  /** @return the number of rows with at least one answer: G's N */
  public long respondentCount() {
    return respondents;
  }

  /** @return the number of rows without any answer, left out of the frame */
  public long emptyRowsDropped() {
    return emptyRows;
  }

  /** @return per-item counts of 0s, 1s and missing cells over the rows kept */
  public ItemTally tally() {
    return tally;
  }

  /** @return facts for {@code summary.json} */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("respondents", respondents);
    summary.put("empty_respondents_dropped", emptyRows);
    summary.put("items", items.size());
    summary.put("observed_cells_per_item", tally.observedCounts());
    return summary;
  }
}
