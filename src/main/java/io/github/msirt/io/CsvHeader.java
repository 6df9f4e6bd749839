package io.github.msirt.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the header row of a CSV file: strips a UTF-8 byte-order mark, trims blanks
 * around names, and refuses blank or repeated names rather than renaming them, because item
 * names carry into every output and into the alignment of O, P and G.
 */
final class CsvHeader {
  /** The byte-order mark as it appears after UTF-8 decoding. */
  static final char BOM = '\uFEFF';

  private CsvHeader() {
  }

  /**
   * @param line the first line of the file, without its line end
   * @param source the file name for messages
   * @return the column names, trimmed, in file order
   * @throws InputException on a malformed line, a blank name or a repeated name
   */
  static List<String> parse(String line, String source) {
    String text = stripBom(line);
    List<String> names = new ArrayList<>();
    try {
      for (String field : CsvLine.split(text)) {
        names.add(field.strip());
      }
    } catch (IllegalArgumentException malformed) {
      throw new InputException(source + ", header (file line 1): " + malformed.getMessage());
    }
    checkNames(names, source);
    return names;
  }

  /**
   * @param line text that may start with a byte-order mark
   * @return the text without it
   */
  static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
  }

  /**
   * @param names column names in file order
   * @param source the file name for messages
   * @throws InputException naming the position of a blank name, or listing repeated names
   */
  static void checkNames(List<String> names, String source) {
    for (int position = 0; position < names.size(); position++) {
      if (names.get(position) == null || names.get(position).isBlank()) {
        throw new InputException(source + ", header: column " + (position + 1) + " of "
            + names.size() + " has a blank name; give every column a name");
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    names.forEach(name -> counts.merge(name, 1, Integer::sum));
    List<String> repeated = new ArrayList<>();
    counts.forEach((name, count) -> {
      if (count > 1) {
        repeated.add(name + " x" + count);
      }
    });
    if (!repeated.isEmpty()) {
      throw new InputException(source + ", header: repeated column names " + repeated
          + "; give every column a distinct name (names are never renamed automatically)");
    }
  }
}
