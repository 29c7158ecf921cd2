package io.webhookkit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary directories the test kit makes, removed when what made them is done with them. */
final class TempDirectories {
  private TempDirectories() {}

  /**
   * Deletes a directory and everything in it, deepest first; what cannot be deleted (a file still
   * open elsewhere) is left. Best effort: a test must not fail over its own clean-up.
   */
  static void delete(Path dir) {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    } catch (IOException | UncheckedIOException gone) {
      return;
    }
    for (Path p : paths) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException stillInUse) {
        // left for the operating system's clean-up of its temporary directory
      }
    }
  }
}
