package org.vividly.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vividly.sources.SkippedFile;
import org.vividly.sources.UploadTooLarge;

class UploadExtractorTests {

  @TempDir Path dir;

  /** The defaults: 256 MB a file, 2 GB an upload, 100 times its size. */
  private static final UploadLimits DEFAULTS = new UploadLimits(256L << 20, 2L << 30, 100);

  private static UploadLimits perFile(long maxFileBytes) {
    return new UploadLimits(maxFileBytes, 2L << 30, 100);
  }

  /** {@code entries} entries of {@code bytesEach} zeros: a ZIP bomb, about a thousandth of that in size. */
  static byte[] zipOfZeros(int entries, int bytesEach) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] zeros = new byte[64 * 1024];
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < entries; i++) {
        out.putNextEntry(new ZipEntry("dir/zeros-" + i + ".txt"));
        for (int left = bytesEach; left > 0; left -= zeros.length) out.write(zeros, 0, Math.min(left, zeros.length));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] reviewBomb;

  /** The review's bomb: 100 entries of 10 MB of zeros (1000 MB), about 1 MB compressed; built once. */
  private static synchronized byte[] reviewBomb() throws Exception {
    if (reviewBomb == null) reviewBomb = zipOfZeros(100, 10 << 20);
    return reviewBomb;
  }

  /** One entry of incompressible bytes. */
  private static byte[] zipOfNoise(String name, int size) throws Exception {
    byte[] noise = new byte[size];
    new Random(42).nextBytes(noise);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(name));
      out.write(noise);
      out.closeEntry();
    }
    return bytes.toByteArray();
  }

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
    List<SkippedFile> skipped = new UploadExtractor(perFile(1000)).extract(new ByteArrayInputStream(zip("ok.md", "# Hi", "../evil.md", "x", "a/../../evil2.md", "y")), dir.resolve("t"));
    assertThat(Files.exists(dir.resolve("t/ok.md"))).isTrue();
    assertThat(Files.exists(dir.resolve("evil.md"))).isFalse();
    assertThat(skipped).extracting(SkippedFile::file).containsExactlyInAnyOrder("../evil.md", "a/../../evil2.md");
    assertThat(skipped).allSatisfy(s -> assertThat(s.reason()).isEqualTo("the path escapes the uploaded folder"));
  }

  @Test
  void skipsEntriesOverTheLimitWithoutWritingThem() throws Exception {
    List<SkippedFile> skipped = new UploadExtractor(perFile(10)).extract(new ByteArrayInputStream(zip("big.txt", "x".repeat(100), "small.txt", "tiny")), dir.resolve("t"));
    assertThat(Files.exists(dir.resolve("t/big.txt"))).isFalse();
    assertThat(Files.readString(dir.resolve("t/small.txt"))).isEqualTo("tiny");
    assertThat(skipped).singleElement().satisfies(s -> assertThat(s.reason()).contains("over the"));
  }

  @Test
  void tellsTheRealSizeOfAnEntryOverThePerFileLimit() throws Exception {
    List<SkippedFile> skipped = new UploadExtractor(perFile(1L << 20)).extract(new ByteArrayInputStream(zipOfNoise("scan.pdf", 3 << 20)), dir.resolve("t"));
    assertThat(Files.exists(dir.resolve("t/scan.pdf"))).isFalse();
    assertThat(skipped).singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo("the file is 3 MB, over the 1 MB limit (vividly.sources.max-file-size)"));
  }

  @Test
  void refusesAZipBombByItsCompressionRatioAndDeletesWhatItHadWritten() throws Exception {
    byte[] bomb = reviewBomb();
    assertThat(bomb.length).isLessThan(2 << 20);
    Path target = dir.resolve("t");
    assertThatThrownBy(() -> new UploadExtractor(DEFAULTS).extract(new ByteArrayInputStream(bomb), target))
        .isInstanceOfSatisfying(UploadTooLarge.class, e -> {
          assertThat(e.setting()).isEqualTo("vividly.sources.max-compression-ratio");
          assertThat(e.status().value()).isEqualTo(413);
          assertThat(e.getMessage()).contains("more than 100 times its size").contains("vividly.sources.max-compression-ratio");
        });
    assertThat(target).doesNotExist();
  }

  @Test
  void aZipBombStopsWithinOneBufferOfTheRatioFloor() throws Exception {
    UploadBudget budget = new UploadBudget(DEFAULTS, new ByteArrayInputStream(reviewBomb()));
    Files.createDirectories(dir.resolve("t"));
    assertThatThrownBy(() -> {
      try (var in = new java.util.zip.ZipInputStream(budget.upload())) {
        while (in.getNextEntry() != null) Uploads.copy(in, dir.resolve("t/" + System.nanoTime()), 256L << 20, budget);
      }
    }).isInstanceOf(UploadTooLarge.class);
    assertThat(budget.unpacked()).isBetween(UploadBudget.RATIO_FLOOR_BYTES, UploadBudget.RATIO_FLOOR_BYTES + 64 * 1024);
  }

  @Test
  void refusesAnArchiveThatUnpacksPastTheUploadLimitEvenWhenEveryFileFits() throws Exception {
    byte[] zip = zipOfNoise("a.bin", 3 << 20);
    Path target = dir.resolve("t");
    assertThatThrownBy(() -> new UploadExtractor(new UploadLimits(10L << 20, 2L << 20, 100)).extract(new ByteArrayInputStream(zip), target))
        .isInstanceOfSatisfying(UploadTooLarge.class, e -> {
          assertThat(e.setting()).isEqualTo("vividly.sources.max-upload-size");
          assertThat(e.getMessage()).contains("more than 2 MB").contains("vividly.sources.max-upload-size");
        });
    assertThat(target).doesNotExist();
  }

  @Test
  void entriesLeftOutForTheirPathStillCountAgainstTheLimits() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < 20; i++) {
        out.putNextEntry(new ZipEntry("../escape-" + i + ".txt"));
        out.write(new byte[1 << 20]);
        out.closeEntry();
      }
    }
    assertThatThrownBy(() -> new UploadExtractor(DEFAULTS).extract(new ByteArrayInputStream(bytes.toByteArray()), dir.resolve("t"))).isInstanceOf(UploadTooLarge.class);
  }

  @Test
  void aSmallHighlyCompressibleFileUnderTheRatioFloorIsKept() throws Exception {
    String log = "GET /index.html 200\n".repeat(100_000); // 2 MB, compresses about 500 times
    List<SkippedFile> skipped = new UploadExtractor(DEFAULTS).extract(new ByteArrayInputStream(zip("access.log", log)), dir.resolve("t"));
    assertThat(skipped).isEmpty();
    assertThat(Files.size(dir.resolve("t/access.log"))).isEqualTo(log.length());
  }

  @Test
  void rejectsSomethingThatIsNotAZip() {
    assertThatThrownBy(() -> new UploadExtractor(perFile(10)).extract(new ByteArrayInputStream("not a zip".getBytes()), dir.resolve("t"))).isInstanceOf(ZipException.class);
  }
}
