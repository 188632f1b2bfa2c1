package org.vividly.sources.internal;

import java.util.List;

/** A chunk before it has an id and an embedding. */
record ChunkDraft(int ordinal, String kind, String text, int tokens, List<String> headingPath, String anchor) {

  /** Text the embedding model sees: the heading path below the book title, then the chunk. */
  String embeddingText() {
    List<String> headings = headingPath.size() > 1 ? headingPath.subList(1, headingPath.size()) : headingPath;
    return String.join(" > ", headings) + "\n" + text;
  }
}
