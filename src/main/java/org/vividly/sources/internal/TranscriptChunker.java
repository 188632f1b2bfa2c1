package org.vividly.sources.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vividly.retrieval.TokenCounter;

/**
 * Chunks a transcript by cue windows: consecutive cues are packed until the window would pass
 * {@code windowSeconds} or {@code maxTokens}; each new chunk starts with the previous chunk's last
 * cues that together span at most {@code overlapSeconds}, so an answer that straddles a boundary is
 * whole in one of the two chunks. A chunk's time span runs from its first cue's start to its last
 * cue's end; speaker labels stay in the text and are listed on the chunk. A single cue longer than
 * the token limit is split at sentence boundaries, every piece keeping the cue's span.
 */
final class TranscriptChunker {

  private final TokenCounter tokens;
  private final Chunker splitter;
  private final int maxTokens;
  private final double windowSeconds;
  private final double overlapSeconds;

  TranscriptChunker(TokenCounter tokens, int maxTokens, double windowSeconds, double overlapSeconds) {
    if (windowSeconds <= 0 || overlapSeconds < 0 || overlapSeconds >= windowSeconds) throw new IllegalArgumentException("the overlap must be shorter than the window");
    this.tokens = tokens;
    this.splitter = new Chunker(tokens, maxTokens, 0);
    this.maxTokens = maxTokens;
    this.windowSeconds = windowSeconds;
    this.overlapSeconds = overlapSeconds;
  }

  private record Timed(Block block, int tokens) {}

  List<ChunkDraft> chunk(ParsedSection section) {
    List<ChunkDraft> out = new ArrayList<>();
    List<Timed> window = new ArrayList<>();
    int windowTokens = 0;
    boolean hasNew = false;
    for (Block block : section.blocks()) {
      int n = tokens.count(block.text());
      if (n > maxTokens) {
        if (hasNew) emit(out, section, window);
        window.clear();
        windowTokens = 0;
        hasNew = false;
        for (String piece : splitter.split(block.text(), n, maxTokens)) {
          emit(out, section, List.of(new Timed(new Block(block.kind(), piece, List.of(), block.anchor(), block.startSeconds(), block.endSeconds()), tokens.count(piece))));
        }
        continue;
      }
      boolean full = !window.isEmpty() && (block.endSeconds() - window.getFirst().block().startSeconds() > windowSeconds || windowTokens + n > maxTokens);
      if (full && hasNew) {
        emit(out, section, window);
        // Carry the last cues over, as long as they span no more than the overlap.
        List<Timed> carried = new ArrayList<>();
        int carriedTokens = 0;
        for (int i = window.size() - 1; i > 0; i--) {
          Timed t = window.get(i);
          if (window.getLast().block().endSeconds() - t.block().startSeconds() > overlapSeconds || carriedTokens + t.tokens() + n > maxTokens) break;
          carried.addFirst(t);
          carriedTokens += t.tokens();
        }
        window = carried;
        windowTokens = carriedTokens;
        hasNew = false;
      } else if (full) {
        window.clear();
        windowTokens = 0;
      }
      window.add(new Timed(block, n));
      windowTokens += n;
      hasNew = true;
    }
    if (hasNew) emit(out, section, window);
    return out;
  }

  private void emit(List<ChunkDraft> out, ParsedSection section, List<Timed> window) {
    StringBuilder text = new StringBuilder();
    Set<String> speakers = new LinkedHashSet<>();
    for (Timed t : window) {
      if (!text.isEmpty()) text.append(' ');
      text.append(t.block().text());
      if (t.block().anchor() != null) speakers.add(t.block().anchor());
    }
    String chunkText = text.toString().strip();
    double start = window.getFirst().block().startSeconds();
    double end = window.stream().mapToDouble(t -> t.block().endSeconds()).max().orElse(start);
    out.add(new ChunkDraft(out.size(), "transcript", chunkText, tokens.count(chunkText), section.headingPath(), null, start, end, List.copyOf(speakers)));
  }
}
