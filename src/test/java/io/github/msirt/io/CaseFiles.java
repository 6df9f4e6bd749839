package io.github.msirt.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared bug-report cases, which sit in {@code shared/cases} beside the project
 * clone, by walking up from the working directory.
 */
final class CaseFiles {
  private static final Path ROOT = findRoot();

  private CaseFiles() {
  }

  private static Path findRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("cases");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/cases folder above "
        + Path.of("").toAbsolutePath() + "; the cases must sit beside the project clone");
  }

  /**
   * @param folder a case folder name, for example {@code 11-csv-structure-bom-header-ragged}
   * @param file a file in it
   * @return the file's path
   */
  static Path file(String folder, String file) {
    return ROOT.resolve(folder).resolve(file);
  }
}
