package io.github.msirt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder appears complete or not at all, and is never replaced by accident. */
class OutputFolderTest {
  @TempDir
  Path temp;

  private List<String> entries() throws IOException {
    try (Stream<Path> files = Files.list(temp)) {
      return files.map(path -> path.getFileName().toString()).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void committedFolderAppearsWithAllFilesAndNoStagingLeft() throws IOException {
    Path target = temp.resolve("run");

    try (OutputFolder out = OutputFolder.open(target, false)) {
      Files.writeString(out.file("a.csv"), "x\n");
      assertFalse(Files.exists(target));
      out.commit();
    }

    assertEquals("x\n", Files.readString(target.resolve("a.csv")));
    assertEquals(List.of("run"), entries());
  }

  @Test
  void failureBeforeCommitLeavesNoFolderAtAll() throws IOException {
    Path target = temp.resolve("run");

    assertThrows(IllegalStateException.class, () -> {
      try (OutputFolder out = OutputFolder.open(target, false)) {
        Files.writeString(out.file("half.csv"), "x\n");
        throw new IllegalStateException("estimation failed");
      }
    });

    assertEquals(List.of(), entries());
  }

  @Test
  void existingFolderIsRefusedWithoutOverwrite() throws IOException {
    Path target = Files.createDirectory(temp.resolve("run"));
    Files.writeString(target.resolve("old.csv"), "old\n");

    String message = assertThrows(InputException.class,
        () -> OutputFolder.open(target, false)).getMessage();

    assertTrue(message.contains("--overwrite"), message);
    assertEquals("old\n", Files.readString(target.resolve("old.csv")));
  }

  @Test
  void overwriteReplacesTheOldFolderOnlyAtCommit() throws IOException {
    Path target = Files.createDirectory(temp.resolve("run"));
    Files.writeString(target.resolve("old.csv"), "old\n");

    try (OutputFolder out = OutputFolder.open(target, true)) {
      Files.writeString(out.file("new.csv"), "new\n");
      assertTrue(Files.exists(target.resolve("old.csv")));
      out.commit();
    }

    assertFalse(Files.exists(target.resolve("old.csv")));
    assertEquals("new\n", Files.readString(target.resolve("new.csv")));
    assertEquals(List.of("run"), entries());
  }

  @Test
  void failedOverwriteKeepsTheOldFolder() throws IOException {
    Path target = Files.createDirectory(temp.resolve("run"));
    Files.writeString(target.resolve("old.csv"), "old\n");

    assertThrows(IllegalStateException.class, () -> {
      try (OutputFolder out = OutputFolder.open(target, true)) {
        Files.writeString(out.file("new.csv"), "new\n");
        throw new IllegalStateException("estimation failed");
      }
    });

    assertEquals("old\n", Files.readString(target.resolve("old.csv")));
    assertEquals(List.of("run"), entries());
  }
}
