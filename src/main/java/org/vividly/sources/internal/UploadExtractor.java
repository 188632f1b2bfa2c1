package org.vividly.sources.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.springframework.util.FileSystemUtils;
import org.vividly.sources.SkippedFile;
import org.vividly.sources.UploadTooLarge;

/**
 * Unpacks an uploaded ZIP archive into a folder. Entries whose path would land outside the folder
 * (zip-slip), links, and entries over the size limit are skipped with a reason. Sizes are counted
 * while copying, so a lying header cannot fill the disk; an archive that unpacks past the limit for
 * a whole upload, or to too many times its own size (a ZIP bomb), is refused and the folder deleted.
 */
final class UploadExtractor {

  private final UploadLimits limits;

  UploadExtractor(UploadLimits limits) {
    this.limits = limits;
  }

  /** @param target a new folder, deleted when the archive is refused as too large */
  List<SkippedFile> extract(InputStream zip, Path target) throws IOException {
    Path base = target.toAbsolutePath().normalize();
    Files.createDirectories(base);
    UploadBudget budget = new UploadBudget(limits, zip);
    try {
      return extract(budget, base);
    } catch (UploadTooLarge e) {
      FileSystemUtils.deleteRecursively(base);
      throw e;
    }
  }

  private List<SkippedFile> extract(UploadBudget budget, Path base) throws IOException {
    List<SkippedFile> skipped = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(budget.upload())) {
      ZipEntry entry;
      boolean any = false;
      while ((entry = in.getNextEntry()) != null) {
        any = true;
        String name = entry.getName();
        String refused = org.vividly.common.TextInput.problem(name);
        if (refused != null) {
          // Neither a path nor a report (PostgreSQL's JSONB refuses U+0000) can hold the name as it is.
          skipped.add(new SkippedFile(name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "?"), "the file name " + refused));
          drain(in, budget);
          continue;
        }
        Path out = base.resolve(name).normalize();
        if (name.startsWith("/") || name.contains("\\") || !out.startsWith(base) || out.equals(base)) {
          if (!out.equals(base)) skipped.add(new SkippedFile(name, "the path escapes the uploaded folder"));
          drain(in, budget);
          continue;
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          drain(in, budget);
          continue;
        }
        Files.createDirectories(out.getParent());
        long size = Uploads.copy(in, out, limits.maxFileBytes(), budget);
        if (size > limits.maxFileBytes()) skipped.add(new SkippedFile(name, IngestionPlanner.tooLarge(size, limits.maxFileBytes())));
      }
      if (!any) throw new ZipException("the archive is empty or not a ZIP file");
    }
    return skipped;
  }

  /**
   * Reads a skipped entry to its end within the budget: the next {@code getNextEntry} would inflate
   * it anyway, uncounted, which a bomb of skipped entries would use to burn CPU.
   */
  private static void drain(InputStream in, UploadBudget budget) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) > 0) budget.add(n);
  }
}
