package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FolderMediaObjectsTests extends MediaObjectsContract {

  private FolderMediaObjects objects;

  @BeforeEach
  void open() {
    objects = new FolderMediaObjects(temp.resolve("media"));
  }

  @Override
  MediaObjects objects() {
    return objects;
  }

  @Test
  void keepsContentInTwoLevelFoldersAndClearsCopiesACrashLeftHalfWritten() throws Exception {
    byte[] content = randomBytes(10, 5);
    String hash = sha256(content);
    objects.put(hash, file(content), "text/plain");
    assertThat(temp.resolve("media").resolve(hash.substring(0, 2)).resolve(hash)).hasBinaryContent(content);

    Path leftover = Files.writeString(Files.createDirectories(temp.resolve("media/.partial")).resolve(hash + ".crashed"), "half");
    objects.removePartialFiles();
    assertThat(leftover).doesNotExist();
    assertThat(objects.exists(hash)).isTrue();
  }
}
