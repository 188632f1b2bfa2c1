package org.vividly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoragePropertiesTests {

  /** Festival, run in a request's work folder, wrote "data/work/..." below that folder and the narration was lost. */
  @Test
  void theDefaultRelativeDataFolderBecomesAbsoluteSoEnginesInOtherFoldersFindIt() {
    StorageProperties storage = new StorageProperties(Path.of("./data"), 0);
    assertThat(storage.dataDir()).isAbsolute().isEqualTo(Path.of("").toAbsolutePath().resolve("data"));
    assertThat(storage.indexDir()).isAbsolute();
  }
}
