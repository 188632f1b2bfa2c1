package org.vividly.sources.internal;

import java.util.List;

/**
 * A unit of document text: a paragraph, list, table, figure caption, equation, note, worked
 * example, exercise or definition.
 *
 * @param subsection headings below the section (CNXML nested {@code <section>} titles); chunks never
 *     span two different subsections
 * @param anchor id of the element in the source document, when it has one; for a transcript cue,
 *     the speaker's label when known
 * @param startSeconds for a transcript cue, where it starts in the recording; else null
 * @param endSeconds for a transcript cue, where it ends; else null
 */
public record Block(BlockKind kind, String text, List<String> subsection, String anchor, Double startSeconds, Double endSeconds) {

  public Block {
    subsection = List.copyOf(subsection);
    text = text.strip();
  }

  public Block(BlockKind kind, String text, List<String> subsection, String anchor) {
    this(kind, text, subsection, anchor, null, null);
  }
}
