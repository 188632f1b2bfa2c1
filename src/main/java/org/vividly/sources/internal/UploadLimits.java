package org.vividly.sources.internal;

/**
 * How much one upload may put on disk.
 *
 * @param maxFileBytes one file larger than this is skipped with a reason
 * @param maxUploadBytes everything an upload unpacks to, skipped files included, may not exceed this
 * @param maxCompressionRatio an upload may not unpack to more than this many times the bytes read
 *     from it (checked once past {@link UploadBudget#RATIO_FLOOR_BYTES})
 */
public record UploadLimits(long maxFileBytes, long maxUploadBytes, int maxCompressionRatio) {

  public UploadLimits {
    if (maxFileBytes < 1 || maxUploadBytes < 1) throw new IllegalArgumentException("upload size limits must be positive");
    if (maxCompressionRatio < 1) throw new IllegalArgumentException("the compression ratio limit must be at least 1");
  }
}
