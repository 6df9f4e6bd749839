package io.github.msirt.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated text into fields.
 *
 * <p>A field whose first non-blank character is a double quote is quoted: it runs to the
 * matching closing quote, a doubled quote inside stands for one quote, and blanks around the
 * quotes are dropped. Other fields are returned as written, blanks included, so that cell
 * parsing decides what blanks mean. A record may not span lines: a response matrix has no
 * use for line breaks inside a field.
 */
final class CsvLine {
  private static final char QUOTE = '"';
  private static final char COMMA = ',';

  private CsvLine() {
  }

  /**
   * @param line one line without its line end
   * @return the fields, at least one
   * @throws IllegalArgumentException if a quoted field is not closed or text follows its
   *     closing quote
   */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    int position = 0;
    while (true) {
      int start = skipBlanks(line, position);
      if (start < line.length() && line.charAt(start) == QUOTE) {
        position = readQuoted(line, start, fields);
      } else {
        int comma = line.indexOf(COMMA, position);
        int end = comma < 0 ? line.length() : comma;
        fields.add(line.substring(position, end));
        position = end;
      }
      if (position >= line.length()) {
        return fields;
      }
      position++;
    }
  }

  // Returns the index of the comma after the field, or the line length at the end.
  private static int readQuoted(String line, int start, List<String> fields) {
    StringBuilder field = new StringBuilder();
    int index = start + 1;
    while (true) {
      if (index >= line.length()) {
        throw new IllegalArgumentException("a quoted field opened at character " + (start + 1)
            + " is not closed on the same line");
      }
      char next = line.charAt(index);
      if (next != QUOTE) {
        field.append(next);
        index++;
      } else if (index + 1 < line.length() && line.charAt(index + 1) == QUOTE) {
        field.append(QUOTE);
        index += 2;
      } else {
        break;
      }
    }
    fields.add(field.toString());

    // Only blanks may stand between the closing quote and the next comma.
    int after = skipBlanks(line, index + 1);
    if (after < line.length() && line.charAt(after) != COMMA) {
      throw new IllegalArgumentException("text follows the closing quote at character "
          + (index + 1) + "; quote the whole field");
    }
    return after;
  }

  private static int skipBlanks(String line, int from) {
    int index = from;
    while (index < line.length() && (line.charAt(index) == ' ' || line.charAt(index) == '\t')) {
      index++;
    }
    return index;
  }
}
