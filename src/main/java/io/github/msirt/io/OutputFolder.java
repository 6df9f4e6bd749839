package io.github.msirt.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output folder that appears complete or not at all.
 *
 * <p>Everything is written into a hidden staging folder beside the target, on the same file
 * system, and {@link #commit()} renames it into place. Closing without a commit, after any
 * failure, deletes the staging folder, so no partial output is ever left under the target's
 * name. An existing target is refused unless overwriting was asked for; it is then replaced
 * only at commit.
 *
 * <pre>{@code
 * try (OutputFolder out = OutputFolder.open(target, overwrite)) {
 *   ResultFiles.writeScores(out.file("scores.csv"), ids, theta, se);
 *   out.commit();
 * }
 * }</pre>
 */
public final class OutputFolder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

  private final Path target;
  private final Path staging;
  private final boolean overwrite;
  private boolean committed;

  private OutputFolder(Path target, Path staging, boolean overwrite) {
    this.target = target;
    this.staging = staging;
    this.overwrite = overwrite;
  }

  /**
   * @param target the folder to produce
   * @param overwrite whether an existing target may be replaced
   * @return an open output folder with an empty staging folder
   * @throws InputException if the target exists and {@code overwrite} is false, or is a file
   */
  public static OutputFolder open(Path target, boolean overwrite) {
    Path absolute = target.toAbsolutePath().normalize();
    requireReplaceable(absolute, overwrite);
    try {
      Files.createDirectories(absolute.getParent());
      Path staging = absolute.resolveSibling("." + absolute.getFileName() + ".msirt-staging-"
          + UUID.randomUUID());
      Files.createDirectory(staging);
      return new OutputFolder(absolute, staging, overwrite);
    } catch (IOException failure) {
      throw new InputException(absolute + ": cannot create the output folder ("
          + failure.getMessage() + "); check the path and its permissions", failure);
    }
  }

  /**
   * Checks, before any work starts, that {@link #open} will accept the target.
   *
   * @param target the output folder
   * @param overwrite whether an existing folder may be replaced
   * @throws InputException if the target is a file, or exists and {@code overwrite} is false
   */
  public static void requireReplaceable(Path target, boolean overwrite) {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new InputException(target + ": exists and is a file; choose another --out path");
    }
    if (Files.exists(target) && !overwrite) {
      throw new InputException(target + ": the output folder already exists; choose another "
          + "--out path or pass --overwrite to replace it");
    }
  }

  /** @return the staging folder, where every output file is written before the commit */
  public Path staging() {
    return staging;
  }

  /**
   * @param name a file or folder name inside the output folder
   * @return its path inside the staging folder
   */
  public Path file(String name) {
    return staging.resolve(name);
  }

  /**
   * Renames the staging folder into place, replacing an existing target if allowed.
   *
   * @return the target folder
   * @throws IllegalStateException if already committed
   * @throws UncheckedIOException if the rename fails; the target is then left as it was
   */
  public Path commit() {
    if (committed) {
      throw new IllegalStateException(target + " was already committed");
    }
    requireReplaceable(target, overwrite);
    try {
      Path previous = Files.exists(target) ? setAside() : null;
      moveIntoPlace(previous);
      committed = true;
      if (previous != null) {
        deleteTree(previous);
      }
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot move the output into " + target, failure);
    }
    LOG.info("Wrote {}", target);
    return target;
  }

  private Path setAside() throws IOException {
    Path previous = target.resolveSibling("." + target.getFileName() + ".msirt-replaced-"
        + UUID.randomUUID());
    return move(target, previous);
  }

  private void moveIntoPlace(Path previous) throws IOException {
    try {
      move(staging, target);
    } catch (IOException failure) {
      // Put the old output back so that a failed commit changes nothing.
      if (previous != null) {
        move(previous, target);
      }
      throw failure;
    }
  }

  private static Path move(Path from, Path to) throws IOException {
    try {
      return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException unsupported) {
      return Files.move(from, to);
    }
  }

  /** Deletes the staging folder unless the output was committed. */
  @Override
  public void close() {
    if (committed || !Files.exists(staging)) {
      return;
    }
    try {
      deleteTree(staging);
    } catch (IOException failure) {
      LOG.warn("Could not delete the staging folder {}: {}", staging, failure.getMessage());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
          throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure)
          throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
