package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempDirectoriesTest {
  @Test
  void aDirectoryIsDeletedWithEverythingInIt(@TempDir Path parent) throws Exception {
    Path dir = Files.createDirectories(parent.resolve("broker/data/topic-0"));
    Files.writeString(dir.resolve("00000.log"), "records");
    Files.writeString(parent.resolve("broker/server.properties"), "node.id=1");

    TempDirectories.delete(parent.resolve("broker"));

    assertThat(parent.resolve("broker")).doesNotExist();
    assertThat(parent).exists();
  }

  @Test
  void aDirectoryAlreadyGoneIsNoError(@TempDir Path parent) {
    TempDirectories.delete(parent.resolve("never-made"));
    assertThat(parent.resolve("never-made")).doesNotExist();
  }
}
