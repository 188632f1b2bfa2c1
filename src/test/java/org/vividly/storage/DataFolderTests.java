package org.vividly.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTests {

  @TempDir Path data;

  @Test
  void aSecondServerOnTheSameDataFolderIsRefusedUntilTheFirstStops() throws Exception {
    try (DataFolderLock first = DataFolderLock.acquire(data)) {
      assertThatThrownBy(() -> DataFolderLock.acquire(data)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Another Vividly server is running on the data folder").hasMessageContaining("--data");
    }
    DataFolderLock.acquire(data).close();
  }

  @Test
  void aPidFileOfAnotherProgramOrUnreadableIsRemovedAndOneOfAGoneProcessLeftToPostgres() throws Exception {
    Path pidFile = data.resolve("postmaster.pid");
    // This JVM is alive and is not PostgreSQL: the id was reused after the old server died.
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + data + "\n");
    StalePostmaster.stop(data);
    assertThat(pidFile).doesNotExist();

    Files.writeString(pidFile, "not a number\n");
    StalePostmaster.stop(data);
    assertThat(pidFile).doesNotExist();

    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(pidFile, gone.pid() + "\n");
    StalePostmaster.stop(data);
    assertThat(pidFile).as("PostgreSQL removes a lock file whose process is gone").exists();
  }
}
