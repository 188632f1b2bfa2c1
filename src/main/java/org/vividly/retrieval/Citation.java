package org.vividly.retrieval;

import java.util.List;
import java.util.UUID;

/**
 * Where a passage sits: its source, the heading path inside it (book &gt; unit &gt; chapter &gt;
 * section &gt; subsection), the element id in the original document, and the passage (chunk) id.
 */
public record Citation(
    long passageId, UUID sourceId, String sourceTitle, UUID sectionId, String sectionKey, List<String> headingPath, String anchor) {

  public Citation {
    headingPath = List.copyOf(headingPath);
  }

  /** Human-readable location, for example {@code Physics > Acceleration > Acceleration Due to Gravity}. */
  public String location() {
    return String.join(" > ", headingPath);
  }

  /** The section title a citation should show (the deepest heading). */
  public String sectionTitle() {
    return headingPath.isEmpty() ? sourceTitle : headingPath.getLast();
  }
}
