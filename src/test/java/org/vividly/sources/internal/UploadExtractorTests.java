package org.vividly.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vividly.sources.SkippedFile;

class UploadExtractorTests {

  @TempDir Path dir;

  private static byte[] zip(String... namesAndContents) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        out.putNextEntry(new ZipEntry(namesAndContents[i]));
        out.write(namesAndContents[i + 1].getBytes());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void refusesEntriesThatEscapeTheFolder() throws Exception {
    List<SkippedFile> skipped = new UploadExtractor(1000).extract(new ByteArrayInputStream(zip("ok.md", "# Hi", "../evil.md", "x", "a/../../evil2.md", "y")), dir.resolve("t"));
    assertThat(Files.exists(dir.resolve("t/ok.md"))).isTrue();
    assertThat(Files.exists(dir.resolve("evil.md"))).isFalse();
    assertThat(skipped).extracting(SkippedFile::file).containsExactlyInAnyOrder("../evil.md", "a/../../evil2.md");
    assertThat(skipped).allSatisfy(s -> assertThat(s.reason()).isEqualTo("the path escapes the uploaded folder"));
  }

  @Test
  void skipsEntriesOverTheLimitWithoutWritingThem() throws Exception {
    List<SkippedFile> skipped = new UploadExtractor(10).extract(new ByteArrayInputStream(zip("big.txt", "x".repeat(100), "small.txt", "tiny")), dir.resolve("t"));
    assertThat(Files.exists(dir.resolve("t/big.txt"))).isFalse();
    assertThat(Files.readString(dir.resolve("t/small.txt"))).isEqualTo("tiny");
    assertThat(skipped).singleElement().satisfies(s -> assertThat(s.reason()).contains("over the"));
  }

  @Test
  void rejectsSomethingThatIsNotAZip() {
    assertThatThrownBy(() -> new UploadExtractor(10).extract(new ByteArrayInputStream("not a zip".getBytes()), dir.resolve("t"))).isInstanceOf(ZipException.class);
  }
}
