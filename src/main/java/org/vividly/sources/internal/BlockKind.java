package org.vividly.sources.internal;

/** What a block of a parsed document is. Decides how it is chunked and which chunk kind it gets. */
public enum BlockKind {
  PARAGRAPH("text", false),
  LIST("text", false),
  TABLE("text", false),
  FIGURE("text", false),
  EQUATION("text", false),
  NOTE("text", false),
  /** A worked example: problem, solution and discussion kept together. */
  EXAMPLE("example", true),
  /** An exercise with its solution when the source has one. */
  EXERCISE("exercise", true),
  /** A glossary term and its meaning. */
  DEFINITION("definition", true),
  /**
   * A section's learning objectives ("By the end of this section, you will be able to..."): they say
   * what the section teaches, so lessons use them to choose a section, never as lesson text.
   */
  OBJECTIVES("objectives", true),
  /** Notes for teachers; searchable but kept out of student lessons. */
  TEACHER_NOTE("teacher-note", true),
  /** A timed cue of a lecture transcript; chunked by {@code TranscriptChunker}, never with documents. */
  CUE("transcript", false);

  public final String chunkKind;
  /** Standalone blocks become chunks of their own instead of being packed with their neighbours. */
  public final boolean standalone;

  BlockKind(String chunkKind, boolean standalone) {
    this.chunkKind = chunkKind;
    this.standalone = standalone;
  }
}
