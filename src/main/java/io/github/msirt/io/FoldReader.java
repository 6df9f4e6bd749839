package io.github.msirt.io;

import io.github.msirt.model.ResponseMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a fold file for cross-fitting: columns {@code respondent_id} (the configured id
 * column) and {@code fold}, one row per human respondent, the fold an integer label.
 * Without an id column in O, the ids are O's 1-based row numbers.
 */
public final class FoldReader {
  /** Name of the fold column. */
  public static final String FOLD_COLUMN = "fold";

  private final ResponseReader reader;
  private final ReadOptions options;

  /**
   * @param options id column and format
   * @param spark session for Parquet files, or {@code null} for CSV only
   */
  public FoldReader(ReadOptions options, SparkSession spark) {
    this.options = options;
    this.reader = new ResponseReader(options, spark);
  }

  /**
   * @param path the fold file
   * @param paired the screened human responses the folds are for
   * @return a fold label per row of {@code paired.observed()}
   * @throws InputException on a missing column, a non-integer fold, a repeated id, an O
   *     respondent without a fold, or an id that is not in O
   */
  public int[] read(Path path, PairedResponses paired) {
    Map<String, Integer> folds = reader.read(path, (source, header) ->
        new FoldSink(source, header, options.idColumn()));
    String source = InputFiles.resolve(path, options.format()).sourceName();
    ResponseMatrix observed = paired.observed();
    int[] labels = new int[observed.rowCount()];
    List<String> unassigned = new ArrayList<>();
    for (int row = 0; row < labels.length; row++) {
      Integer fold = folds.remove(observed.id(row));
      if (fold == null) {
        unassigned.add(observed.id(row));
      } else {
        labels[row] = fold;
      }
    }
    folds.keySet().removeAll(paired.emptyRespondents());
    requireAllAssigned(source, unassigned, new ArrayList<>(folds.keySet()));
    return labels;
  }

  private static void requireAllAssigned(String source, List<String> unassigned,
      List<String> unknown) {
    if (!unassigned.isEmpty()) {
      throw new InputException(source + ": " + unassigned.size() + " human respondent(s) have "
          + "no fold (" + ItemAlignment.shown(unassigned) + "); give every respondent of O "
          + "one row");
    }
    if (!unknown.isEmpty()) {
      throw new InputException(source + ": " + unknown.size() + " id(s) are not human "
          + "respondents (" + ItemAlignment.shown(unknown) + "); remove them or check the "
          + "id column");
    }
  }

  /** Collects id to fold, checking each row. */
  private static final class FoldSink implements RowSink<Map<String, Integer>> {
    private final String source;
    private final String idColumn;
    private final int idIndex;
    private final int foldIndex;
    private final Map<String, Integer> folds = new HashMap<>();
    private final Map<String, RowPosition> seen = new HashMap<>();

    FoldSink(String source, List<String> header, String idColumn) {
      this.source = source;
      this.idColumn = idColumn;
      if (header.size() != 2 || !new HashSet<>(header).equals(Set.of(idColumn, FOLD_COLUMN))) {
        throw new InputException(source + ": a fold file needs exactly the columns "
            + idColumn + " and " + FOLD_COLUMN + ", found " + header
            + "; rename the columns (the id column is set by --id-column)");
      }
      this.idIndex = header.indexOf(idColumn);
      this.foldIndex = header.indexOf(FOLD_COLUMN);
    }

    @Override
    public void add(Object[] values, RowPosition position) {
      String id = RespondentIds.read(values[idIndex], source, idColumn, position);
      RowPosition earlier = seen.putIfAbsent(id, position);
      if (earlier != null) {
        throw new InputException(source + ": id " + id + " appears on " + earlier.describe()
            + " and " + position.describe() + "; give each respondent one fold");
      }
      folds.put(id, foldLabel(values[foldIndex], position));
    }

    private int foldLabel(Object value, RowPosition position) {
      String token = value == null ? "" : CellParser.asToken(value).strip();
      try {
        return Integer.parseInt(token);
      } catch (NumberFormatException notInteger) {
        throw new InputException(source + ", " + position + ": fold \"" + token + "\" is not "
            + "an integer; label folds 1, 2, ...");
      }
    }

    @Override
    public Map<String, Integer> finish() {
      if (folds.isEmpty()) {
        throw new InputException(source + ": the file has a header but no rows; give one "
            + "row per human respondent");
      }
      return folds;
    }
  }
}
