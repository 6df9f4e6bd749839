package io.github.msirt.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small results table with a name, a caption, column headers and text cells, written as
 * CSV (RFC 4180 quoting) or as a Markdown pipe table.
 */
public final class StudyTable {
  private final String name;
  private final String caption;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param name file stem, e.g. {@code lambda} for {@code lambda.csv}
   * @param caption one sentence saying what the table shows
   * @param header column names
   */
  public StudyTable(String name, String caption, List<String> header) {
    this.name = name;
    this.caption = caption;
    this.header = List.copyOf(header);
  }

  /**
   * Appends a row; numbers are printed with {@link #number(double)}.
   *
   * @param cells one value per column: strings, integers or doubles
   * @return this
   * @throws IllegalArgumentException if the cell count differs from the header
   */
  public StudyTable add(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("table " + name + " has " + header.size()
          + " columns, found a row of " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell instanceof Double value ? number(value) : String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  /**
   * @param value a number
   * @return four decimals, or {@code NA} when not finite
   */
  public static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "NA";
  }

  /** @return the file stem */
  public String name() {
    return name;
  }

  /** @return the caption */
  public String caption() {
    return caption;
  }

  /** @return the column names */
  public List<String> header() {
    return header;
  }

  /** @return the rows, as printed */
  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  /** @return the table as CSV with a header line */
  public String toCsv() {
    StringBuilder text = new StringBuilder();
    appendCsvLine(text, header);
    for (List<String> row : rows) {
      appendCsvLine(text, row);
    }
    return text.toString();
  }

  private static void appendCsvLine(StringBuilder text, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
      text.append(c == 0 ? "" : ",")
          .append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    text.append('\n');
  }

  /** @return the table as a Markdown pipe table, preceded by its caption in italics */
  public String toMarkdown() {
    StringBuilder text = new StringBuilder("_" + caption + "_\n\n");
    text.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(column -> text.append("---|"));
    text.append('\n');
    for (List<String> row : rows) {
      text.append("| ").append(String.join(" | ", row).replace("\n", " ")).append(" |\n");
    }
    return text.toString();
  }
}
