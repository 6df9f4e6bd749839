package io.github.msirt.io;

import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds a table from a long file with columns id, item and response, one row per answer.
 * Respondents and items keep their order of first appearance; an item a respondent has no
 * row for is missing.
 */
final class LongAssembler implements TableAssembler {
  private final String source;
  private final ReadOptions options;
  private final CellParser parser;
  private final int idIndex;
  private final int itemIndex;
  private final int responseIndex;
  private final ColumnAudit audit = new ColumnAudit();
  private final Map<String, Integer> respondents = new LinkedHashMap<>();
  private final List<RowPosition> firstPositions = new ArrayList<>();
  private final List<byte[]> rows = new ArrayList<>();
  private final Map<String, RowPosition> answered = new HashMap<>();

  LongAssembler(String source, List<String> header, ReadOptions options) {
    this.source = source;
    this.options = options;
    this.parser = new CellParser(options);
    List<String> expected =
        List.of(options.idColumn(), ReadOptions.ITEM_COLUMN, ReadOptions.RESPONSE_COLUMN);
    if (header.size() != expected.size() || !header.containsAll(expected)) {
      throw new InputException(source + ": a long file needs exactly the columns " + expected
          + " in any order, found " + header + "; rename the columns or use --layout wide");
    }
    this.idIndex = header.indexOf(options.idColumn());
    this.itemIndex = header.indexOf(ReadOptions.ITEM_COLUMN);
    this.responseIndex = header.indexOf(ReadOptions.RESPONSE_COLUMN);
  }

  @Override
  public void add(Object[] values, RowPosition position) {
    String id = RespondentIds.read(values[idIndex], source, options.idColumn(), position);
    String item = values[itemIndex] == null ? "" : CellParser.asToken(values[itemIndex]).strip();
    if (item.isEmpty()) {
      throw new InputException(source + ", " + position + ": column " + ReadOptions.ITEM_COLUMN
          + " is blank; every answer row needs an item name");
    }
    RowPosition earlier = answered.putIfAbsent(id + '\u0000' + item, position);
    if (earlier != null) {
      throw new InputException(source + ": respondent " + id + " answers item " + item
          + " twice, on " + earlier.describe() + " and " + position.describe()
          + "; keep one row per respondent and item");
    }

    int column = audit.columnIndex(item);
    byte code = parser.code(values[responseIndex]);
    audit.record(column, code, CellParser.asToken(values[responseIndex]), position);
    rowOf(id, position)[column] = code;
  }

  private byte[] rowOf(String id, RowPosition position) {
    Integer row = respondents.putIfAbsent(id, rows.size());
    if (row == null) {
      rows.add(new byte[0]);
      firstPositions.add(position);
      row = rows.size() - 1;
    }
    int width = audit.itemNames().size();
    byte[] cells = rows.get(row);
    if (cells.length < width) {
      cells = Arrays.copyOf(cells, width);
      Arrays.fill(cells, rows.get(row).length, width, ResponseMatrix.MISSING);
      rows.set(row, cells);
    }
    return cells;
  }

  @Override
  public ResponseTable finish() {
    if (rows.isEmpty()) {
      throw new InputException(source + ": the file has a header but no data rows; "
          + "give at least one answer row");
    }
    audit.throwIfInvalid(source, "item", UnaryOperator.identity());
    List<String> items = audit.itemNames();
    byte[] cells = new byte[rows.size() * items.size()];
    Arrays.fill(cells, ResponseMatrix.MISSING);
    for (int row = 0; row < rows.size(); row++) {
      byte[] known = rows.get(row);
      System.arraycopy(known, 0, cells, row * items.size(), known.length);
    }
    String[] ids = respondents.keySet().toArray(new String[0]);
    ResponseMatrix matrix = ResponseMatrix.of(items, cells, ids, null);
    return new ResponseTable(source, matrix, true, firstPositions);
  }
}
