package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link MediaObjects} adapter must do. Subclassed once per adapter. */
abstract class MediaObjectsContract {

  @TempDir Path temp;

  abstract MediaObjects objects();

  Path file(byte[] content) throws IOException {
    return Files.write(Files.createTempFile(temp, "media", ".bin"), content);
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void storesContentUnderItsAddressAndReadsItBackWhole() throws Exception {
    byte[] content = randomBytes(300_000, 1);
    String hash = sha256(content);
    assertThat(objects().exists(hash)).isFalse();
    assertThat(objects().size(hash)).isEmpty();

    Path file = file(content);
    objects().put(hash, file, "video/mp4");

    assertThat(file).as("the caller's file stays").exists();
    assertThat(objects().exists(hash)).isTrue();
    assertThat(objects().size(hash)).hasValue(content.length);
    try (InputStream in = objects().open(hash, 0)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void readsFromAnOffsetToTheEnd() throws Exception {
    byte[] content = randomBytes(100_000, 2);
    String hash = sha256(content);
    objects().put(hash, file(content), "audio/mp4");

    try (InputStream in = objects().open(hash, 12_345)) {
      assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 12_345, content.length));
    }
    try (InputStream in = objects().open(hash, content.length - 1)) {
      assertThat(in.readAllBytes()).containsExactly(content[content.length - 1]);
    }
  }

  @Test
  void closingAStreamEarlyLeavesTheContentReadable() throws Exception {
    byte[] content = randomBytes(2_000_000, 3);
    String hash = sha256(content);
    objects().put(hash, file(content), "video/webm");
    for (int i = 0; i < 5; i++) {
      try (InputStream in = objects().open(hash, i * 1000L)) {
        assertThat(in.readNBytes(10)).isEqualTo(java.util.Arrays.copyOfRange(content, i * 1000, i * 1000 + 10));
      }
    }
    try (InputStream in = objects().open(hash, 0)) {
      assertThat(in.readAllBytes()).hasSize(content.length);
    }
  }

  @Test
  void storingAnAddressAgainChangesNothing() throws Exception {
    byte[] content = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n".getBytes(StandardCharsets.UTF_8);
    String hash = sha256(content);
    objects().put(hash, file(content), "text/vtt");
    objects().put(hash, file(content), "text/vtt");
    assertThat(objects().size(hash)).hasValue(content.length);
    try (InputStream in = objects().open(hash, 0)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void deletesContentAndDeletingMissingContentIsNoError() throws Exception {
    byte[] content = randomBytes(1000, 4);
    String hash = sha256(content);
    objects().put(hash, file(content), "image/png");
    objects().delete(hash);
    assertThat(objects().exists(hash)).isFalse();
    objects().delete(hash);
    assertThatThrownBy(() -> objects().open(hash, 0)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void missingContentCannotBeOpened() throws Exception {
    String hash = sha256("never stored".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> objects().open(hash, 0)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void refusesAnAddressThatIsNotASha256() {
    assertThatThrownBy(() -> objects().exists("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> objects().open("ABC", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesWhereItKeepsContent() {
    assertThat(objects().location()).isNotBlank();
  }
}
