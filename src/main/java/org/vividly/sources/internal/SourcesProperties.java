package org.vividly.sources.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ingestion settings.
 *
 * @param maxChunkTokens largest chunk, in embedding-model tokens (bge reads at most 512)
 * @param overlapTokens tokens of the previous chunk repeated at the start of the next one in the
 *     same subsection, so a sentence cut at a boundary is still found whole
 * @param embeddingBatch chunks embedded per call to the model
 * @param maxFileSize files larger than this are skipped with a reason
 * @param maxUploadSize the most one upload may unpack to, counting every file of a ZIP archive
 *     (skipped ones too) as it is unpacked; past it the upload is refused with 413 and nothing of it
 *     is kept
 * @param maxCompressionRatio the most times its own size an upload may unpack to, checked once it
 *     has unpacked 4 MB; past it the upload is refused as a ZIP bomb with 413. Text compresses
 *     3-10 times, so 100 leaves room for very repetitive files while a bomb (about 1000) is stopped
 *     after a few MB
 * @param transcriptWindow longest stretch of a recording one transcript chunk covers
 * @param transcriptOverlap how much of the end of one transcript chunk the next one repeats
 */
@ConfigurationProperties("vividly.sources")
public record SourcesProperties(
    @DefaultValue("320") int maxChunkTokens,
    @DefaultValue("40") int overlapTokens,
    @DefaultValue("64") int embeddingBatch,
    @DefaultValue("256MB") DataSize maxFileSize,
    @DefaultValue("2GB") DataSize maxUploadSize,
    @DefaultValue("100") int maxCompressionRatio,
    @DefaultValue("60s") java.time.Duration transcriptWindow,
    @DefaultValue("10s") java.time.Duration transcriptOverlap) {

  public SourcesProperties {
    if (maxChunkTokens < 32 || maxChunkTokens > 512) throw new IllegalArgumentException("vividly.sources.max-chunk-tokens must be 32-512");
    if (transcriptOverlap.isNegative() || transcriptOverlap.compareTo(transcriptWindow) >= 0) throw new IllegalArgumentException("vividly.sources.transcript-overlap must be shorter than transcript-window");
    if (overlapTokens < 0 || overlapTokens >= maxChunkTokens / 2) throw new IllegalArgumentException("vividly.sources.overlap-tokens must be below half the chunk size");
    if (maxUploadSize.toBytes() < 1 || maxFileSize.toBytes() < 1) throw new IllegalArgumentException("vividly.sources.max-upload-size and max-file-size must be positive");
    if (maxCompressionRatio < 1) throw new IllegalArgumentException("vividly.sources.max-compression-ratio must be at least 1");
  }

  /** The limits every upload is unpacked within. */
  public UploadLimits uploadLimits() {
    return new UploadLimits(maxFileSize.toBytes(), maxUploadSize.toBytes(), maxCompressionRatio);
  }
}
