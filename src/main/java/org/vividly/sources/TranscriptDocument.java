package org.vividly.sources;

import java.util.List;
import java.util.Objects;

/**
 * A lecture's transcript, ready for time-coded chunking.
 *
 * @param externalKey identity across re-ingestion, for example {@code video:<id>}
 * @param format where the cues came from: {@code webvtt}, {@code srt} or {@code speech-to-text}
 * @param origin the file or address it came from, for reports
 * @param cues the transcript in time order
 */
public record TranscriptDocument(String externalKey, String title, String format, String origin, List<Cue> cues) {

  public TranscriptDocument {
    Objects.requireNonNull(externalKey, "externalKey");
    if (title == null || title.isBlank()) throw new IllegalArgumentException("a transcript needs a title");
    cues = List.copyOf(cues);
  }
}
