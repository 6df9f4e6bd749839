package io.github.msirt.io;

import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Human responses O and their paired predictions P, aligned and screened for calibration.
 *
 * <p>Alignment: P's items are matched to O's by name and put in O's order. P's rows are
 * matched to O's by respondent id when both files have the id column, in any row order;
 * otherwise by position, with a warning, and the 1-based row number serves as the id.
 *
 * <p>Screening: respondents without a single answer in O are left out together with their
 * P rows (they carry no information, and counting them would inflate every N), with a
 * warning and a count. Items whose answered cells in O are all 0, all 1, or absent are
 * refused, since their intercept has no finite estimate.
 */
public final class PairedResponses {
  private static final Logger LOG = LoggerFactory.getLogger(PairedResponses.class);

  private final ResponseMatrix observed;
  private final ResponseMatrix predicted;
  private final boolean pairedById;
  private final List<String> emptyRespondents;

  private PairedResponses(ResponseMatrix observed, ResponseMatrix predicted,
      boolean pairedById, List<String> emptyRespondents) {
    this.observed = observed;
    this.predicted = predicted;
    this.pairedById = pairedById;
    this.emptyRespondents = List.copyOf(emptyRespondents);
  }

  /**
   * Aligns and screens O with its predictions.
   *
   * @param observedTable human responses O
   * @param predictedTable predictions P for the same respondents, or {@code null} when there
   *     are none
   * @return the aligned, screened pair
   * @throws InputException on items missing from or extra in P, unmatched or repeated ids,
   *     differing row counts when pairing by position, or items without variance in O
   */
  public static PairedResponses pair(ResponseTable observedTable,
      ResponseTable predictedTable) {
    List<String> items = observedTable.matrix().items();
    ResponseTable predicted = predictedTable == null ? null
        : ItemAlignment.reorder(predictedTable, items, observedTable.source());

    boolean byId = predicted != null && observedTable.hasIdColumn() && predicted.hasIdColumn();
    if (predicted != null) {
      predicted = byId ? RowPairing.byId(observedTable, predicted)
          : RowPairing.byPosition(observedTable, predicted);
    }

    // Leave out respondents without answers in O, and their predictions with them.
    int[] kept = answeredRows(observedTable.matrix());
    List<String> empty = emptyIds(observedTable.matrix(), kept);
    ResponseTable observed = observedTable.selectRows(kept);
    if (predicted != null) {
      predicted = predicted.selectRows(kept);
    }
    warnAboutEmptyRows(observedTable.source(), empty, predicted != null);

    requireVariance(observed);
    LOG.info("{}: {} respondents with answers; answered cells per item {}",
        observedTable.source(), observed.matrix().rowCount(),
        ItemTally.of(observed.matrix()).observedCounts());
    return new PairedResponses(observed.matrix(),
        predicted == null ? null : predicted.matrix(), byId, empty);
  }

  private static int[] answeredRows(ResponseMatrix matrix) {
    List<Integer> rows = new ArrayList<>();
    for (int row = 0; row < matrix.rowCount(); row++) {
      if (matrix.answeredCount(row) > 0) {
        rows.add(row);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<String> emptyIds(ResponseMatrix matrix, int[] kept) {
    List<String> empty = new ArrayList<>();
    int next = 0;
    for (int row = 0; row < matrix.rowCount(); row++) {
      if (next < kept.length && kept[next] == row) {
        next++;
      } else {
        empty.add(matrix.id(row));
      }
    }
    return empty;
  }

  private static void warnAboutEmptyRows(String source, List<String> empty,
      boolean withPredictions) {
    if (!empty.isEmpty()) {
      LOG.warn("{}: {} respondents answered no item and are left out{} (ids {})", source,
          empty.size(), withPredictions ? ", with their predictions" : "",
          ItemAlignment.shown(empty));
    }
  }

  /**
   * @param table human responses
   * @throws InputException naming every item whose answered cells are all 0, all 1 or absent
   */
  public static void requireVariance(ResponseTable table) {
    List<String> constant = ItemTally.of(table.matrix()).itemsWithoutVariance();
    if (!constant.isEmpty()) {
      throw new InputException(table.source() + ": " + constant.size() + " item(s) are never "
          + "answered or have no variance among their answered cells: "
          + String.join(", ", constant)
          + "; remove these columns from every input (their parameters cannot be estimated)");
    }
  }

  /** @return O, screened, with ids (row numbers when the file had none) */
  public ResponseMatrix observed() {
    return observed;
  }

  /** @return P in O's row and item order, or {@code null} when there are no predictions */
  public ResponseMatrix predicted() {
    return predicted;
  }

  /** @return O's items, the order every input is aligned to */
  public List<String> items() {
    return observed.items();
  }

  /** @return whether P was paired with O by respondent id (otherwise by position) */
  public boolean pairedById() {
    return pairedById;
  }

  /** @return the number of respondents left out for answering nothing in O */
  public int emptyRowsDropped() {
    return emptyRespondents.size();
  }

  /** @return the ids of the respondents left out for answering nothing in O */
  public List<String> emptyRespondents() {
    return emptyRespondents;
  }

  /** @return per-item counts of 0s, 1s and missing cells in the screened O */
  public ItemTally observedTally() {
    return ItemTally.of(observed);
  }

  /**
   * @return facts for {@code summary.json}: respondents used, respondents left out, how P
   *     was paired, and answered cells per item
   */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("respondents", observed.rowCount());
    summary.put("empty_respondents_dropped", emptyRespondents.size());
    summary.put("items", observed.itemCount());
    summary.put("predictions", predicted != null);
    summary.put("paired_by", predicted == null ? "none" : pairedById ? "id" : "position");
    summary.put("observed_cells_per_item", observedTally().observedCounts());
    return summary;
  }

  /** Matching P's rows to O's. */
  private static final class RowPairing {
    private RowPairing() {
    }

    static ResponseTable byId(ResponseTable observed, ResponseTable predicted) {
      Map<String, Integer> predictedRows = new HashMap<>();
      ResponseMatrix p = predicted.matrix();
      for (int row = 0; row < p.rowCount(); row++) {
        predictedRows.put(p.id(row), row);
      }
      ResponseMatrix o = observed.matrix();
      List<String> unmatched = new ArrayList<>();
      int[] order = new int[o.rowCount()];
      for (int row = 0; row < o.rowCount(); row++) {
        Integer match = predictedRows.remove(o.id(row));
        if (match == null) {
          unmatched.add(o.id(row));
        } else {
          order[row] = match;
        }
      }
      requireAllMatched(observed, predicted, unmatched, predictedRows);
      return predicted.selectRows(order);
    }

    private static void requireAllMatched(ResponseTable observed, ResponseTable predicted,
        List<String> unmatched, Map<String, Integer> leftOver) {
      if (unmatched.isEmpty() && leftOver.isEmpty()) {
        return;
      }
      List<String> extra = new ArrayList<>();
      leftOver.entrySet().stream()
          .sorted(Map.Entry.comparingByValue())
          .forEach(entry -> extra.add(entry.getKey()));
      throw new InputException(predicted.source() + ": respondent ids do not match "
          + observed.source() + ": " + unmatched.size() + " id(s) of " + observed.source()
          + " have no prediction row (" + ItemAlignment.shown(unmatched) + ") and "
          + extra.size() + " id(s) are not in " + observed.source() + " ("
          + ItemAlignment.shown(extra) + "); give every respondent of O exactly one "
          + "prediction row with the same id");
    }

    static ResponseTable byPosition(ResponseTable observed, ResponseTable predicted) {
      int observedRows = observed.matrix().rowCount();
      int predictedRows = predicted.matrix().rowCount();
      if (observedRows != predictedRows) {
        throw new InputException(predicted.source() + ": has " + predictedRows + " rows but "
            + observed.source() + " has " + observedRows + "; without an id column in both "
            + "files rows pair by position, so the counts must be equal (or add an id column "
            + "to pair by id)");
      }
      LOG.warn("{} and {} pair by row position, since {}; add a respondent id column to both "
          + "to pair by id", observed.source(), predicted.source(),
          observed.hasIdColumn() ? predicted.source() + " has no id column"
              : observed.source() + " has no id column");
      return predicted;
    }
  }
}
