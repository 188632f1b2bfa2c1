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
import org.vividly.sources.SkippedFile;

/**
 * Unpacks an uploaded ZIP archive into a folder. Entries whose path would land outside the folder
 * (zip-slip), links, and entries over the size limit are skipped with a reason; sizes are counted
 * while copying, so a lying header cannot fill the disk.
 */
final class UploadExtractor {

  private final long maxFileBytes;

  UploadExtractor(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  List<SkippedFile> extract(InputStream zip, Path target) throws IOException {
    List<SkippedFile> skipped = new ArrayList<>();
    Path base = target.toAbsolutePath().normalize();
    Files.createDirectories(base);
    try (ZipInputStream in = new ZipInputStream(zip)) {
      ZipEntry entry;
      boolean any = false;
      while ((entry = in.getNextEntry()) != null) {
        any = true;
        String name = entry.getName();
        Path out = base.resolve(name).normalize();
        if (name.startsWith("/") || name.contains("\\") || !out.startsWith(base) || out.equals(base)) {
          if (!out.equals(base)) skipped.add(new SkippedFile(name, "the path escapes the uploaded folder"));
          continue;
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        if (Uploads.copy(in, out, maxFileBytes) < 0) {
          skipped.add(new SkippedFile(name, IngestionPlanner.tooLarge(maxFileBytes + 1, maxFileBytes)));
        }
      }
      if (!any) throw new ZipException("the archive is empty or not a ZIP file");
    }
    return skipped;
  }
}
