package io.github.msirt.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks for respondent ids: present on every row, and each on one row only. */
final class RespondentIds {
  private static final int SHOWN = 3;

  private RespondentIds() {
  }

  /**
   * @param value the raw id field, text or a typed value
   * @param source file or folder name
   * @param idColumn the id column name
   * @param position the row
   * @return the id, trimmed
   * @throws InputException if the id is null or blank
   */
  static String read(Object value, String source, String idColumn, RowPosition position) {
    String id = value == null ? "" : CellParser.asToken(value).strip();
    if (id.isEmpty()) {
      throw new InputException(source + ", " + position + ": column " + idColumn
          + " is blank; give every row an id, or drop the column to pair rows by position");
    }
    return id;
  }

  /**
   * @param ids one id per row
   * @param positions one position per row
   * @param source file or folder name
   * @throws InputException listing the first repeated ids and their rows
   */
  static void requireDistinct(List<String> ids, List<RowPosition> positions, String source) {
    Map<String, Integer> firstRow = new HashMap<>();
    List<String> repeats = new ArrayList<>();
    int repeatCount = 0;
    for (int row = 0; row < ids.size(); row++) {
      Integer earlier = firstRow.putIfAbsent(ids.get(row), row);
      if (earlier == null) {
        continue;
      }
      repeatCount++;
      if (repeats.size() < SHOWN) {
        repeats.add("id " + ids.get(row) + " on " + positions.get(earlier).describe()
            + " and " + positions.get(row).describe());
      }
    }
    if (repeatCount > 0) {
      throw new InputException(source + ": " + repeatCount + " rows repeat an earlier "
          + "respondent id (" + String.join("; ", repeats) + "); give each respondent one "
          + "row with a distinct id");
    }
  }
}
