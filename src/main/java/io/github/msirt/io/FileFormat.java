package io.github.msirt.io;

import java.util.Locale;

/** The storage format of a response file or a folder of part files. */
public enum FileFormat {
  /** Comma-separated text with a header row, UTF-8. */
  CSV("csv"),
  /** Apache Parquet. */
  PARQUET("parquet");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  /** @return the usual file name extension, without the dot */
  public String extension() {
    return extension;
  }

  /**
   * @param text {@code csv} or {@code parquet}, case-insensitive
   * @return the format
   * @throws InputException for any other text
   */
  public static FileFormat parse(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT);
    for (FileFormat format : values()) {
      if (format.name().equals(name)) {
        return format;
      }
    }
    throw new InputException("format \"" + text + "\" is not known; use csv or parquet");
  }

  /**
   * Guesses the format from a file name: {@code .csv} (also {@code .txt})
   * or {@code .parquet} (also {@code .pq}, and Spark's {@code .snappy.parquet}).
   *
   * @param fileName a file name
   * @return the format, or {@code null} when the name does not tell
   */
  public static FileFormat fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return CSV;
    }
    if (name.endsWith(".parquet") || name.endsWith(".pq")) {
      return PARQUET;
    }
    return null;
  }
}
