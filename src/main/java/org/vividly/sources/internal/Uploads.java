package org.vividly.sources.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vividly.sources.SkippedFile;

/** Writes uploads to disk within the size limit. */
public final class Uploads {

  private Uploads() {}

  public static List<SkippedFile> extract(InputStream zip, Path target, long maxFileBytes) throws IOException {
    return new UploadExtractor(maxFileBytes).extract(zip, target);
  }

  /** Copies at most {@code maxBytes}; returns the size, or -1 (and deletes the file) when larger. */
  public static long copy(InputStream in, Path out, long maxBytes) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream os = Files.newOutputStream(out)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) break;
        os.write(buffer, 0, n);
      }
    }
    if (total > maxBytes) {
      Files.delete(out);
      return -1;
    }
    return total;
  }
}
