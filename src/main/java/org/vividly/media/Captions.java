package org.vividly.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Captions timed by the narration: one cue per spoken sentence, at the sentence's real start and
 * end in the joined narration. A sentence too long for two lines of {@value #LINE} characters is
 * split into several cues, its time shared by length. Written as WebVTT (W3C WebVTT, §4) and SRT.
 */
public final class Captions {

  /** Characters per caption line, the usual broadcast limit. */
  static final int LINE = 42;

  private final List<Cue> cues;

  public Captions(List<Cue> cues) {
    this.cues = List.copyOf(cues);
  }

  /**
   * @param start seconds from the start of the narration
   * @param end seconds from the start, after {@code start}
   * @param text caption text, at most two lines
   */
  public record Cue(double start, double end, String text) {
    public Cue {
      if (!(start >= 0 && end > start)) throw new IllegalArgumentException("A cue must end after it starts: " + start + " -> " + end);
    }
  }

  /** Cues for a sentence spoken from {@code start} to {@code end}, split when it is long. */
  public static List<Cue> forSentence(String sentence, double start, double end) {
    List<String> parts = chunks(sentence.strip());
    int total = parts.stream().mapToInt(String::length).sum();
    List<Cue> out = new ArrayList<>();
    double t = start;
    for (int i = 0; i < parts.size(); i++) {
      double next = i == parts.size() - 1 ? end : t + (end - start) * parts.get(i).length() / total;
      out.add(new Cue(t, next, wrap(parts.get(i))));
      t = next;
    }
    return out;
  }

  public List<Cue> cues() {
    return cues;
  }

  public String webVtt() {
    StringBuilder out = new StringBuilder("WEBVTT\n\n");
    for (int i = 0; i < cues.size(); i++) {
      Cue c = cues.get(i);
      out.append(i + 1).append('\n').append(time(c.start(), '.')).append(" --> ").append(time(c.end(), '.')).append('\n').append(c.text()).append("\n\n");
    }
    return out.toString();
  }

  public String srt() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cues.size(); i++) {
      Cue c = cues.get(i);
      out.append(i + 1).append('\n').append(time(c.start(), ',')).append(" --> ").append(time(c.end(), ',')).append('\n').append(c.text()).append("\n\n");
    }
    return out.toString();
  }

  static String time(double seconds, char decimal) {
    long ms = Math.round(seconds * 1000);
    return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, decimal, ms % 1000);
  }

  /** Splits text into pieces that fit two lines, at word boundaries. */
  private static List<String> chunks(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > 2 * LINE - 4) {
        out.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) current.append(' ');
      current.append(word);
    }
    if (current.length() > 0) out.add(current.toString());
    return out;
  }

  /** Breaks a piece into at most two lines, near the middle. */
  private static String wrap(String piece) {
    if (piece.length() <= LINE) return piece;
    int mid = piece.length() / 2;
    int before = piece.lastIndexOf(' ', mid);
    int after = piece.indexOf(' ', mid);
    int at = before < 0 ? after : after < 0 ? before : (mid - before <= after - mid ? before : after);
    return at < 0 ? piece : piece.substring(0, at) + "\n" + piece.substring(at + 1);
  }
}
