package org.vividly.media;

import java.util.List;

/**
 * One slide of a narrated lesson video; it stays on screen while its narration plays.
 *
 * @param kind what the slide shows, which picks its layout
 * @param heading the large title line
 * @param subheading a smaller line under the heading, or null
 * @param points key points, shown as bullets (at most 4 are drawn)
 * @param formula an equation or definition shown in a box, or null
 * @param footer the citation, for example {@code [1] Physics > Motion > Speed}, or null
 * @param label a small tag above the heading, for example {@code Key idea} or {@code Idea clave}
 */
public record Slide(Kind kind, String heading, String subheading, List<String> points, String formula, String footer, String label) {

  public enum Kind {
    TITLE,
    POINTS,
    EXAMPLE,
    QUESTION
  }

  public Slide {
    if (heading == null || heading.isBlank()) throw new IllegalArgumentException("A slide needs a heading.");
    points = points == null ? List.of() : List.copyOf(points);
  }
}
