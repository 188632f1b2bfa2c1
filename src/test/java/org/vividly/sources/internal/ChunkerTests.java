package org.vividly.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.vividly.retrieval.TokenCounter;

class ChunkerTests {

  /** One token per whitespace-separated word: easy to reason about in assertions. */
  static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

  private static Block para(String text, String... subsection) {
    return new Block(BlockKind.PARAGRAPH, text, List.of(subsection), null);
  }

  private static String words(int n, String word) {
    return String.join(" ", java.util.Collections.nCopies(n, word)) + ".";
  }

  @Test
  void packsParagraphsUpToTheTokenLimit() {
    ParsedSection section = new ParsedSection("s", "S", List.of("Book", "S"), List.of(para(words(10, "a")), para(words(10, "b")), para(words(10, "c"))));
    List<ChunkDraft> chunks = new Chunker(WORDS, 25, 0).chunk(section);
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0).text()).contains("a").contains("b").doesNotContain("c");
    assertThat(chunks.get(1).text()).startsWith("c");
  }

  @Test
  void neverSpansTwoSubsections() {
    ParsedSection section = new ParsedSection("s", "S", List.of("Book", "S"), List.of(para("One two three.", "First"), para("Four five six.", "Second")));
    List<ChunkDraft> chunks = new Chunker(WORDS, 100, 10).chunk(section);
    assertThat(chunks).extracting(ChunkDraft::headingPath).containsExactly(List.of("Book", "S", "First"), List.of("Book", "S", "Second"));
  }

  @Test
  void keepsExercisesAndExamplesAsTheirOwnChunks() {
    ParsedSection section = new ParsedSection("s", "S", List.of("Book", "S"), List.of(para("Intro text here."), new Block(BlockKind.EXERCISE, "What is 2+2?\nSolution: 4", List.of(), "x1"), para("More text here.")));
    List<ChunkDraft> chunks = new Chunker(WORDS, 100, 0).chunk(section);
    assertThat(chunks).extracting(ChunkDraft::kind).containsExactly("text", "exercise", "text");
    assertThat(chunks.get(1).anchor()).isEqualTo("x1");
  }

  @Test
  void overlapsConsecutiveChunksBySentences() {
    ParsedSection section = new ParsedSection("s", "S", List.of("Book", "S"), List.of(para("First sentence is here. Second sentence is here."), para(words(8, "x"))));
    List<ChunkDraft> chunks = new Chunker(WORDS, 10, 4).chunk(section);
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(1).text()).startsWith("Second sentence is here.");
  }

  @RepeatedTest(20)
  void noChunkExceedsTheLimitAndNoWordIsLost() {
    Random random = new Random();
    List<Block> blocks = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 1 + random.nextInt(12); i++) {
      StringBuilder text = new StringBuilder();
      for (int s = 0; s < 1 + random.nextInt(8); s++) text.append(words(1 + random.nextInt(30), "w" + i + "s" + s)).append(' ');
      blocks.add(para(text.toString(), "sub" + random.nextInt(2)));
      all.append(text);
    }
    int max = 20 + random.nextInt(40);
    List<ChunkDraft> chunks = new Chunker(WORDS, max, 0).chunk(new ParsedSection("s", "S", List.of("B"), blocks));
    assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(max));
    assertThat(chunks.stream().mapToInt(ChunkDraft::tokens).sum()).isEqualTo(WORDS.count(all.toString()));
  }
}
