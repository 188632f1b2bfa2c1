package org.vividly.quota;

import java.util.Locale;

/** What a request counts against. */
public enum Meter {
  /** A text-only lesson. */
  TEXT,
  /** A lesson with narration: audio, video or both (one unit either way). */
  VIDEO;

  /** Used, limit and remaining units of a meter in a month. */
  public record Count(int used, int limit, int remaining) {}

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
