package io.github.msirt.io;

import io.github.msirt.model.ResponseMatrix;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Builds a table from a wide file: an optional id column and one column per item. */
final class WideAssembler implements TableAssembler {
  private final String source;
  private final ReadOptions options;
  private final CellParser parser;
  private final int idIndex;
  private final List<String> items = new ArrayList<>();
  private final int[] itemIndexes;
  private final ColumnAudit audit;
  private final ByteArrayOutputStream cells = new ByteArrayOutputStream();
  private final List<String> ids = new ArrayList<>();
  private final List<RowPosition> positions = new ArrayList<>();

  WideAssembler(String source, List<String> header, ReadOptions options) {
    this.source = source;
    this.options = options;
    this.parser = new CellParser(options);
    this.idIndex = header.indexOf(options.idColumn());
    this.itemIndexes = new int[header.size() - (idIndex < 0 ? 0 : 1)];
    for (int column = 0; column < header.size(); column++) {
      if (column != idIndex) {
        itemIndexes[items.size()] = column;
        items.add(header.get(column));
      }
    }
    if (items.isEmpty()) {
      throw new InputException(source + ": the header " + header + " has no item columns; "
          + "a wide file needs one column per item");
    }
    this.audit = new ColumnAudit(items);
  }

  @Override
  public void add(Object[] values, RowPosition position) {
    if (idIndex >= 0) {
      ids.add(RespondentIds.read(values[idIndex], source, options.idColumn(), position));
    }
    for (int j = 0; j < itemIndexes.length; j++) {
      Object value = values[itemIndexes[j]];
      byte code = parser.code(value);
      audit.record(j, code, CellParser.asToken(value), position);
      cells.write(code);
    }
    positions.add(position);
  }

  @Override
  public ResponseTable finish() {
    if (positions.isEmpty()) {
      throw new InputException(source + ": the file has a header but no data rows; "
          + "give at least one respondent row");
    }
    audit.throwIfInvalid(source, "column", UnaryOperator.identity());
    if (idIndex >= 0) {
      RespondentIds.requireDistinct(ids, positions, source);
    }
    String[] rowIds = idIndex >= 0 ? ids.toArray(new String[0]) : null;
    ResponseMatrix matrix = ResponseMatrix.of(items, cells.toByteArray(), rowIds, null);
    return new ResponseTable(source, matrix, idIndex >= 0, positions);
  }
}
