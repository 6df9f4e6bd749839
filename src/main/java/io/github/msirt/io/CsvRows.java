package io.github.msirt.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file on the driver: checks the header, splits each data line, and refuses rows
 * whose field count differs from the header's, listing them with their data row, file line
 * and field count. Line ends may be LF or CRLF; a UTF-8 byte-order mark is dropped.
 */
final class CsvRows {
  private static final int SHOWN_RAGGED = 5;

  /** Receives each data row of a file. */
  interface RowHandler {
    /**
     * @param fields the row's fields, as many as the header has
     * @param position the row's file line
     */
    void row(Object[] fields, RowPosition position);
  }

  private CsvRows() {
  }

  /**
   * @param file a CSV file
   * @return its header, checked
   * @throws InputException if the file is empty, unreadable or its header is bad
   */
  static List<String> header(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || CsvHeader.stripBom(line).isBlank()) {
        throw new InputException(file.getFileName() + ": the file is empty; expected a header "
            + "row of column names followed by data rows");
      }
      return CsvHeader.parse(line, file.getFileName().toString());
    } catch (IOException failure) {
      throw unreadable(file, failure);
    }
  }

  /**
   * @param file a CSV file whose header is {@code header}
   * @param header the checked header
   * @param handler receives every data row in file order
   * @throws InputException on unreadable text, a malformed line or rows of the wrong width
   */
  static void read(Path file, List<String> header, RowHandler handler) {
    String name = file.getFileName().toString();
    List<String> ragged = new ArrayList<>();
    int raggedCount = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.readLine();
      long lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        RowPosition position = new RowPosition(file.toString(), lineNumber,
            RowPosition.Kind.FILE_LINE);
        List<String> fields = split(line, name, position);
        if (fields.size() == header.size()) {
          handler.row(fields.toArray(), position);
        } else if (raggedCount++ < SHOWN_RAGGED) {
          ragged.add(position.describe() + " "
              + RawRecord.describeWidth(fields.size(), line.isBlank()));
        }
      }
    } catch (IOException failure) {
      throw unreadable(file, failure);
    }
    if (raggedCount > 0) {
      throw new InputException(name + ": " + raggedCount + " rows do not have the "
          + header.size() + " fields of the header: " + String.join(", ", ragged)
          + "; fix those rows so every row has one field per column (empty for missing)");
    }
  }

  private static List<String> split(String line, String name, RowPosition position) {
    try {
      return CsvLine.split(line);
    } catch (IllegalArgumentException malformed) {
      throw new InputException(name + ", " + position.describe() + ": "
          + malformed.getMessage());
    }
  }

  private static InputException unreadable(Path file, IOException failure) {
    if (failure instanceof CharacterCodingException) {
      return new InputException(file.getFileName() + ": the file is not UTF-8 text; save it "
          + "as UTF-8 CSV, or pass --format parquet if it is Parquet", failure);
    }
    return new InputException(file.getFileName() + ": cannot read the file ("
        + failure.getMessage() + "); check that it exists and is readable", failure);
  }
}
