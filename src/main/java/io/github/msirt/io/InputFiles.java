package io.github.msirt.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The data files behind an input path: the file itself, or the part files of a folder (names
 * starting with {@code _} or {@code .}, such as {@code _SUCCESS} and checksums, are skipped,
 * and so are the zero-byte files Spark writes for empty partitions), together with their
 * format.
 */
final class InputFiles {
  private final Path root;
  private final List<Path> files;
  private final FileFormat format;

  private InputFiles(Path root, List<Path> files, FileFormat format) {
    this.root = root;
    this.files = files;
    this.format = format;
  }

  /**
   * @param path a file or a folder of part files
   * @param requested the format asked for, or {@code null} to tell it from file names
   * @return the files, sorted by name, and their format
   * @throws InputException if the path does not exist, holds no data file, or its format
   *     cannot be told
   */
  static InputFiles resolve(Path path, FileFormat requested) {
    if (!Files.exists(path)) {
      throw new InputException(path + ": no such file or folder; check the path");
    }
    List<Path> files = Files.isDirectory(path) ? partFiles(path) : List.of(path);
    if (files.isEmpty()) {
      throw new InputException(path + ": the folder holds no data files (hidden, _-prefixed "
          + "and empty files do not count); point to a file or to a folder of part files");
    }
    FileFormat format = requested != null ? requested : detect(path, files);
    return new InputFiles(path, files, format);
  }

  private static List<Path> partFiles(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith("_"))
          .filter(file -> !file.getFileName().toString().startsWith("."))
          .filter(file -> size(file) > 0)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException failure) {
      throw new InputException(folder + ": cannot list the folder (" + failure.getMessage()
          + "); check its permissions", failure);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException failure) {
      throw new InputException(file + ": cannot read the file size (" + failure.getMessage()
          + "); check its permissions", failure);
    }
  }

  private static FileFormat detect(Path path, List<Path> files) {
    FileFormat format = FileFormat.fromFileName(path.getFileName().toString());
    if (format == null) {
      format = FileFormat.fromFileName(files.get(0).getFileName().toString());
    }
    if (format == null) {
      throw new InputException(path + ": cannot tell the format from the file name; name it "
          + "*.csv or *.parquet, or pass --format csv|parquet");
    }
    return format;
  }

  /** @return the path given by the caller */
  Path root() {
    return root;
  }

  /** @return the data files, sorted by name */
  List<Path> files() {
    return files;
  }

  /** @return the format of the files */
  FileFormat format() {
    return format;
  }

  /** @return the file or folder name, for messages */
  String sourceName() {
    Path name = root.getFileName();
    return name == null ? root.toString() : name.toString();
  }
}
