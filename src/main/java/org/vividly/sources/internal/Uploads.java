package org.vividly.sources.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vividly.sources.SkippedFile;
import org.vividly.sources.UploadTooLarge;

/** Writes uploads to disk within their {@link UploadLimits}. */
public final class Uploads {

  private Uploads() {}

  /**
   * Unpacks a ZIP archive into {@code target}, a new folder.
   *
   * @return the entries left out, with reasons
   * @throws UploadTooLarge when the archive unpacks past its limits; {@code target} is deleted then
   */
  public static List<SkippedFile> extract(InputStream zip, Path target, UploadLimits limits) throws IOException {
    return new UploadExtractor(limits).extract(zip, target);
  }

  /**
   * Copies one uploaded document to {@code out}.
   *
   * @return its size; when that is over {@code maxFileBytes}, nothing is kept
   * @throws UploadTooLarge when it is over the limit for a whole upload
   */
  public static long copy(InputStream in, Path out, UploadLimits limits) throws IOException {
    UploadBudget budget = new UploadBudget(limits, in);
    return copy(budget.upload(), out, limits.maxFileBytes(), budget);
  }

  /**
   * Copies at most {@code maxBytes}, then keeps reading and discarding so the real size can be told,
   * which the budget still bounds.
   *
   * @return the size read; when over {@code maxBytes} the file is deleted
   */
  static long copy(InputStream in, Path out, long maxBytes, UploadBudget budget) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream os = Files.newOutputStream(out)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        budget.add(n);
        total += n;
        if (total <= maxBytes) os.write(buffer, 0, n);
      }
    }
    if (total > maxBytes) Files.delete(out);
    return total;
  }

  /** Why a file of {@code size} bytes was left out. */
  public static String tooLarge(long size, long maxBytes) {
    return IngestionPlanner.tooLarge(size, maxBytes);
  }
}
