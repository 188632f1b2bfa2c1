package org.vividly.sources.internal;

import java.util.List;

/**
 * A chunk before it has an id and an embedding.
 *
 * @param startSeconds for a transcript chunk, the start of its first cue; else null
 * @param endSeconds for a transcript chunk, the end of its last cue; else null
 * @param speakers speaker labels heard in a transcript chunk, in order of first appearance
 */
record ChunkDraft(int ordinal, String kind, String text, int tokens, List<String> headingPath, String anchor, Double startSeconds, Double endSeconds, List<String> speakers) {

  ChunkDraft(int ordinal, String kind, String text, int tokens, List<String> headingPath, String anchor) {
    this(ordinal, kind, text, tokens, headingPath, anchor, null, null, List.of());
  }

  /** Text the embedding model sees: the heading path below the book title, then the chunk. */
  String embeddingText() {
    List<String> headings = headingPath.size() > 1 ? headingPath.subList(1, headingPath.size()) : headingPath;
    return String.join(" > ", headings) + "\n" + text;
  }
}
