package org.vividly.videos;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lecture recording or transcript in the library.
 *
 * @param sourceId the source its transcript became, once {@link VideoStatus#READY}; else null
 * @param origin the uploaded file's name or the address it came from
 * @param mediaType the recording's MIME type, for example {@code video/mp4}; null for a transcript
 *     alone
 * @param hasVideo whether there is a picture to show (false for audio and transcripts)
 * @param durationSeconds the recording's length from ffprobe, or the last cue's end for a
 *     transcript alone; null until known
 * @param transcriptOrigin {@code subtitles} or {@code speech-to-text}
 * @param language ISO 639-1 language of the speech
 * @param progress fraction of the current step done, 0 to 1
 * @param error why it failed, for {@link VideoStatus#FAILED}
 */
public record Video(
    UUID id,
    UUID ownerId,
    UUID collectionId,
    UUID sourceId,
    String title,
    String origin,
    String mediaType,
    boolean hasVideo,
    Double durationSeconds,
    String transcriptOrigin,
    String language,
    List<String> tags,
    VideoStatus status,
    double progress,
    String error,
    UUID jobId,
    Instant createdAt,
    Instant finishedAt) {

  /** Whether there is a recording to play. */
  public boolean playable() {
    return mediaType != null && status != VideoStatus.FAILED;
  }
}
