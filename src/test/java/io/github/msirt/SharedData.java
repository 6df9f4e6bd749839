package io.github.msirt;

import io.github.msirt.model.ResponseMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Locates the read-only shared folder beside the project and reads its small CSV files. */
public final class SharedData {
  private SharedData() {
  }

  /**
   * @param relative a path inside the shared folder, e.g. {@code oracle/case07}
   * @return the absolute path
   */
  public static Path path(String relative) {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null) {
      Path candidate = directory.resolve("shared");
      if (Files.isDirectory(candidate.resolve("oracle"))) {
        return candidate.resolve(relative);
      }
      candidate = directory.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("oracle"))) {
        return candidate.resolve(relative);
      }
      directory = directory.getParent();
    }
    throw new IllegalStateException("cannot find the shared data folder above "
        + Path.of("").toAbsolutePath());
  }

  /**
   * Reads a CSV of 0/1 cells with a header of item names; an empty cell is missing. A column
   * named {@code respondent_id} becomes the row ids.
   *
   * @param file the CSV file
   * @return the matrix
   */
  public static ResponseMatrix readMatrix(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String[] header = unquote(lines.get(0).split(",", -1));
      int idColumn = Arrays.asList(header).indexOf("respondent_id");
      List<String> items = new ArrayList<>();
      for (int c = 0; c < header.length; c++) {
        if (c != idColumn) {
          items.add(header[c]);
        }
      }
      int rows = lines.size() - 1;
      byte[] cells = new byte[rows * items.size()];
      String[] ids = idColumn < 0 ? null : new String[rows];
      for (int i = 0; i < rows; i++) {
        String[] fields = unquote(lines.get(i + 1).split(",", -1));
        int j = 0;
        for (int c = 0; c < fields.length; c++) {
          if (c == idColumn) {
            ids[i] = fields[c];
          } else {
            cells[i * items.size() + j++] =
                fields[c].isEmpty() ? ResponseMatrix.MISSING : Byte.parseByte(fields[c]);
          }
        }
      }
      return ResponseMatrix.of(items, cells, ids, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] unquote(String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].replace("\"", "").trim();
    }
    return fields;
  }
}
