package org.vividly.sources.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.vividly.sources.UploadTooLarge;

/**
 * What one upload has unpacked so far, counted while copying (a ZIP header's sizes can lie) and
 * checked against its {@link UploadLimits} after every read, so a ZIP bomb is stopped within one
 * buffer of crossing a limit.
 */
final class UploadBudget {

  /**
   * Below this the ratio is not checked: a few MB of highly compressible text (a log, a CSV of
   * repeated values) can legitimately reach ratios in the hundreds, and costs nothing to unpack.
   */
  static final long RATIO_FLOOR_BYTES = 4L << 20;

  private final UploadLimits limits;
  private final BoundedInputStream compressed;
  private long unpacked;

  /** @param upload the stream as it came from the client; read it through {@link #upload()} */
  UploadBudget(UploadLimits limits, InputStream upload) throws IOException {
    this.limits = limits;
    this.compressed = BoundedInputStream.builder().setInputStream(upload).setPropagateClose(false).get();
  }

  /** The upload, counting the bytes read from it. */
  InputStream upload() {
    return compressed;
  }

  long unpacked() {
    return unpacked;
  }

  /**
   * Adds {@code bytes} more unpacked bytes, written or discarded.
   *
   * @throws UploadTooLarge when the upload is now over its total size or its compression ratio
   */
  void add(int bytes) {
    unpacked += bytes;
    if (unpacked > limits.maxUploadBytes()) {
      throw new UploadTooLarge("The upload unpacks to more than " + IngestionPlanner.human(limits.maxUploadBytes()) + ", the limit for one upload (vividly.sources.max-upload-size); nothing of it was kept.", "vividly.sources.max-upload-size");
    }
    long read = Math.max(1, compressed.getCount());
    if (unpacked > RATIO_FLOOR_BYTES && unpacked > limits.maxCompressionRatio() * read) {
      throw new UploadTooLarge("The upload unpacks to more than " + limits.maxCompressionRatio() + " times its size (" + IngestionPlanner.human(unpacked) + " from "
          + IngestionPlanner.human(read) + " so far), as a ZIP bomb does; nothing of it was kept (vividly.sources.max-compression-ratio).", "vividly.sources.max-compression-ratio");
    }
  }
}
