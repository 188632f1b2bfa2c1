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
 * @param transcriptWindow longest stretch of a recording one transcript chunk covers
 * @param transcriptOverlap how much of the end of one transcript chunk the next one repeats
 */
@ConfigurationProperties("vividly.sources")
public record SourcesProperties(
    @DefaultValue("320") int maxChunkTokens,
    @DefaultValue("40") int overlapTokens,
    @DefaultValue("64") int embeddingBatch,
    @DefaultValue("256MB") DataSize maxFileSize,
    @DefaultValue("60s") java.time.Duration transcriptWindow,
    @DefaultValue("10s") java.time.Duration transcriptOverlap) {

  public SourcesProperties {
    if (maxChunkTokens < 32 || maxChunkTokens > 512) throw new IllegalArgumentException("vividly.sources.max-chunk-tokens must be 32-512");
    if (transcriptOverlap.isNegative() || transcriptOverlap.compareTo(transcriptWindow) >= 0) throw new IllegalArgumentException("vividly.sources.transcript-overlap must be shorter than transcript-window");
    if (overlapTokens < 0 || overlapTokens >= maxChunkTokens / 2) throw new IllegalArgumentException("vividly.sources.overlap-tokens must be below half the chunk size");
  }
}
