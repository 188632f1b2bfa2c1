package org.vividly.videos;

/** Where a video is on its way into the library. */
public enum VideoStatus {
  /** Stored and waiting for the worker. */
  QUEUED,
  /** Being fetched (yt-dlp) or transcribed (speech-to-text). */
  TRANSCRIBING,
  /** Being chunked, embedded and indexed. */
  INDEXING,
  /** In the library: searchable and citable. */
  READY,
  /** Stopped; {@link Video#error()} says why, and nothing of it is in the library. */
  FAILED;

  @com.fasterxml.jackson.annotation.JsonValue
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean finished() {
    return this == READY || this == FAILED;
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public static VideoStatus of(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
