package org.vividly.requests;

import java.util.Locale;

/** What a student can ask for. */
public enum Modality {
  /** The cited text lesson. */
  TEXT,
  /** Narration as AAC audio with captions. */
  AUDIO,
  /** A narrated slide video (MP4 and WebM) with captions. */
  VIDEO;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the allowed values */
  public static Modality parse(String value) {
    for (Modality m : values()) {
      if (m.key().equalsIgnoreCase(value == null ? "" : value.strip())) return m;
    }
    throw new IllegalArgumentException("Unknown modality '" + value + "': use text, audio or video.");
  }
}
