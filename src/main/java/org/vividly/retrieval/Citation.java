package org.vividly.retrieval;

import java.util.List;
import java.util.UUID;

/**
 * Where a passage sits: its source, the heading path inside it (book &gt; unit &gt; chapter &gt;
 * section &gt; subsection), the element id in the original document, and the passage (chunk) id.
 * A passage of a lecture transcript also has the time span it covers in the recording.
 *
 * @param startSeconds where the passage starts in the recording, in seconds; null for documents
 * @param endSeconds where it ends, in seconds; null for documents
 */
public record Citation(
    long passageId, UUID sourceId, String sourceTitle, UUID sectionId, String sectionKey, List<String> headingPath, String anchor, Double startSeconds, Double endSeconds) {

  public Citation {
    headingPath = List.copyOf(headingPath);
    if ((startSeconds == null) != (endSeconds == null)) throw new IllegalArgumentException("a time span needs both a start and an end");
    if (startSeconds != null && (startSeconds < 0 || endSeconds < startSeconds)) throw new IllegalArgumentException("bad time span " + startSeconds + "-" + endSeconds);
  }

  /** A citation into a document (no time span). */
  public Citation(long passageId, UUID sourceId, String sourceTitle, UUID sectionId, String sectionKey, List<String> headingPath, String anchor) {
    this(passageId, sourceId, sourceTitle, sectionId, sectionKey, headingPath, anchor, null, null);
  }

  /** Whether this passage is a stretch of a recording. */
  public boolean timed() {
    return startSeconds != null;
  }

  /** {@code h:mm:ss} or {@code m:ss}, the way video players show a position. */
  public static String clock(double seconds) {
    long s = (long) Math.floor(seconds);
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
  }

  /**
   * Human-readable location, for example {@code Physics > Acceleration > Acceleration Due to
   * Gravity}, or {@code Lecture 5 > 12:30-13:10} for a recording.
   */
  public String location() {
    String path = String.join(" > ", headingPath);
    return timed() ? path + " > " + clock(startSeconds) + "–" + clock(endSeconds) : path;
  }

  /** The section title a citation should show (the deepest heading). */
  public String sectionTitle() {
    return headingPath.isEmpty() ? sourceTitle : headingPath.getLast();
  }
}
