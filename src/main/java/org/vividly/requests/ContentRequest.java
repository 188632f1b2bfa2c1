package org.vividly.requests;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A content request as the API and pages show it.
 *
 * @param status {@code received}, {@code running}, {@code completed} or {@code failed}; failed when
 *     any modality asked for failed or was unavailable (the others are still delivered)
 * @param currentStage the stage running now, or null
 * @param outcomes per modality asked for: {@code pending}, {@code completed}, {@code failed} or
 *     {@code unavailable}
 * @param formatsProduced file names produced so far, for example {@code lesson.mp4}
 * @param error why the request failed, naming the modality, or null
 * @param progress 0 to 1, the share of this request's stages that are done
 * @param costUsd measured use priced by the configured price table, per modality and {@code total}
 */
public record ContentRequest(
    UUID id,
    String question,
    int grade,
    List<String> interests,
    List<String> modalities,
    String preferredModality,
    String textLanguage,
    String audioLanguage,
    int resolution,
    UUID lessonId,
    String status,
    String currentStage,
    Map<String, String> outcomes,
    List<String> formatsProduced,
    String error,
    double progress,
    List<StageRun> stages,
    List<MediaFileLink> files,
    Map<String, BigDecimal> costUsd,
    Instant createdAt,
    Instant completedAt) {

  public boolean finished() {
    return "completed".equals(status) || "failed".equals(status);
  }

  /**
   * One stage's record.
   *
   * @param status {@code pending}, {@code running}, {@code completed}, {@code failed} or {@code skipped}
   * @param durationMs wall time of the last attempt, in milliseconds
   * @param attempts how many times the stage started
   * @param cpuSeconds CPU seconds of the engines it ran (and of this process's worker thread)
   * @param audioSeconds seconds of narration produced
   * @param videoSeconds seconds of video produced
   * @param llmTokens language model tokens used
   * @param peakRssKb peak resident memory of the engine it ran, in KiB
   * @param bytesOut bytes of files it stored
   */
  public record StageRun(
      String stage,
      String label,
      String modality,
      String status,
      Instant startedAt,
      Instant endedAt,
      Long durationMs,
      int attempts,
      String error,
      double cpuSeconds,
      double audioSeconds,
      double videoSeconds,
      int llmTokens,
      long peakRssKb,
      long bytesOut,
      BigDecimal costUsd) {}

  /**
   * A produced file.
   *
   * @param url where to fetch it; serves HTTP range requests
   */
  public record MediaFileLink(String name, String contentType, long sizeBytes, String url) {}
}
