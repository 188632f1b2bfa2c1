package org.vividly.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.vividly.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** An upload that unpacks to far more than was sent is refused at once and leaves nothing on disk. */
class UploadLimitsIT extends IntegrationTest {

  @Value("${vividly.storage.data-dir}")
  Path dataDir;

  @Override
  protected String organization() {
    return "upload-limits-it";
  }

  /** {@code entries} files of {@code megabytes} MB of zeros each: about a thousandth of that compressed. */
  static byte[] zipOfZeros(int entries, int megabytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < entries; i++) {
        out.putNextEntry(new ZipEntry("chapter-" + i + ".txt"));
        for (int m = 0; m < megabytes; m++) out.write(zeros);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private List<Path> uploads() throws IOException {
    Path uploads = dataDir.resolve("uploads");
    if (!Files.isDirectory(uploads)) return List.of();
    try (Stream<Path> all = Files.list(uploads)) {
      return all.toList();
    }
  }

  @Test
  void aZipBombIsRefusedWith413AndNothingOfItStaysInTheUploadsFolder() throws IOException {
    byte[] bomb = zipOfZeros(20, 5);
    assertThat(bomb.length).isLessThan(200_000);
    List<Path> before = uploads();

    ResponseEntity<String> response = postFile("/api/v1/ingestions", "bomb.zip", bomb);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(413);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.path("type").asString()).isEqualTo("https://vividly.org/problems/upload-too-large");
    assertThat(problem.path("detail").asString()).contains("times").contains("vividly.sources.max-compression-ratio");
    assertThat(problem.path("setting").asString()).isEqualTo("vividly.sources.max-compression-ratio");
    assertThat(uploads()).containsExactlyInAnyOrderElementsOf(before);
  }
}
