package org.vividly.sources.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vividly.retrieval.TokenCounter;

/**
 * Structure-aware chunking. Consecutive text blocks of the same subsection are packed into chunks
 * of at most {@code maxTokens}; a chunk never spans two sections or subsections. Worked examples,
 * exercises, definitions and teacher notes become chunks of their own. A block longer than the
 * limit is split at sentence boundaries. Within a subsection, each new chunk starts with the last
 * sentences of the previous one, up to {@code overlapTokens}.
 */
final class Chunker {

  /** bge-small-en-v1.5 reads at most 512 tokens; the heading line takes a few. */
  static final int MODEL_WINDOW = 480;
  /** Part of every section's content hash: a new chunking algorithm re-chunks on the next ingestion. */
  static final int VERSION = 3;

  private final TokenCounter tokens;
  private final int maxTokens;
  private final int overlapTokens;

  Chunker(TokenCounter tokens, int maxTokens, int overlapTokens) {
    this.tokens = tokens;
    this.maxTokens = maxTokens;
    this.overlapTokens = overlapTokens;
  }

  List<ChunkDraft> chunk(ParsedSection section) {
    State state = new State(section);
    for (Block block : section.blocks()) {
      if (!Objects.equals(block.subsection(), state.subsection)) {
        state.flush(false);
        state.subsection = block.subsection();
      }
      int n = tokens.count(block.text());
      if (block.kind().standalone) {
        state.flush(false);
        // An exercise or worked example is worth keeping whole: it may use the model's full window.
        for (String piece : split(block.text(), n, Math.max(maxTokens, MODEL_WINDOW))) state.emit(block.kind().chunkKind, piece, block.anchor());
        continue;
      }
      if (n > maxTokens) {
        state.flush(true);
        for (String piece : split(block.text(), n, maxTokens)) state.emit("text", piece, block.anchor());
        continue;
      }
      if (state.tokens + n > maxTokens) state.flush(true);
      state.add(block, n);
    }
    state.flush(false);
    return state.out;
  }

  /** Splits text into pieces of at most {@code limit} tokens, at sentence boundaries where possible. */
  List<String> split(String text, int totalTokens, int limit) {
    if (totalTokens <= limit) return List.of(text);
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentTokens = 0;
    for (String sentence : sentences(text)) {
      int n = tokens.count(sentence);
      if (n > limit) {
        if (!current.isEmpty()) pieces.add(current.toString().strip());
        current.setLength(0);
        currentTokens = 0;
        pieces.addAll(splitWords(sentence, limit));
        continue;
      }
      if (currentTokens + n > limit && !current.isEmpty()) {
        pieces.add(current.toString().strip());
        current.setLength(0);
        currentTokens = 0;
      }
      current.append(sentence);
      currentTokens += n;
    }
    if (!current.toString().isBlank()) pieces.add(current.toString().strip());
    return pieces;
  }

  private List<String> splitWords(String sentence, int limit) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : sentence.split("\\s+")) {
      if (tokens.count(current + " " + word) > limit && !current.isEmpty()) {
        pieces.add(current.toString().strip());
        current.setLength(0);
      }
      current.append(' ').append(word);
    }
    if (!current.toString().isBlank()) pieces.add(current.toString().strip());
    return pieces;
  }

  static List<String> sentences(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = text.substring(start, end);
      if (!s.isBlank()) out.add(s);
    }
    return out;
  }

  private final class State {
    final ParsedSection section;
    final List<ChunkDraft> out = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    List<String> subsection = List.of();
    int tokens;
    String anchor;
    /** Whether the buffer holds more than the overlap carried over from the previous chunk. */
    boolean hasNew;

    State(ParsedSection section) {
      this.section = section;
    }

    void add(Block block, int n) {
      if (!text.isEmpty()) text.append('\n');
      text.append(block.text());
      tokens += n;
      hasNew = true;
      if (anchor == null) anchor = block.anchor();
    }

    /** Emits the packed text; with overlap, the next chunk starts with this one's last sentences. */
    void flush(boolean overlap) {
      if (!hasNew) {
        text.setLength(0);
        tokens = 0;
        return;
      }
      hasNew = false;
      String done = text.toString();
      emit("text", done, anchor);
      text.setLength(0);
      tokens = 0;
      anchor = null;
      if (overlap && overlapTokens > 0) {
        List<String> sentences = sentences(done);
        StringBuilder tail = new StringBuilder();
        int tailTokens = 0;
        for (int i = sentences.size() - 1; i > 0; i--) {
          int n = Chunker.this.tokens.count(sentences.get(i));
          if (tailTokens + n > overlapTokens) break;
          tail.insert(0, sentences.get(i));
          tailTokens += n;
        }
        if (tailTokens > 0) {
          text.append(tail.toString().strip());
          tokens = tailTokens;
        }
      }
    }

    void emit(String kind, String chunkText, String chunkAnchor) {
      List<String> path = new ArrayList<>(section.headingPath());
      path.addAll(subsection);
      out.add(new ChunkDraft(out.size(), kind, chunkText.strip(), Chunker.this.tokens.count(chunkText), path, chunkAnchor));
    }
  }
}
