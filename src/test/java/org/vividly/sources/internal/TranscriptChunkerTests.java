package org.vividly.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.retrieval.TokenCounter;

class TranscriptChunkerTests {

  /** One token per word keeps the arithmetic visible. */
  final TokenCounter words = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

  ParsedSection lecture(int cues, double cueSeconds) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < cues; i++) blocks.add(new Block(BlockKind.CUE, "cue" + i + " two three four", List.of(), i % 2 == 0 ? "PROFESSOR" : null, i * cueSeconds, (i + 1) * cueSeconds));
    return new ParsedSection("transcript", "Lecture", List.of("Lecture"), blocks);
  }

  @Test
  void windowsOfCuesCarryTheirSpanAndOverlapByTheLastCues() {
    List<ChunkDraft> chunks = new TranscriptChunker(words, 320, 60, 10).chunk(lecture(30, 5));
    assertThat(chunks.getFirst().startSeconds()).isEqualTo(0.0);
    assertThat(chunks.getFirst().endSeconds()).isEqualTo(60.0);
    // The second window starts with the first one's last two cues (10 s of overlap).
    assertThat(chunks.get(1).startSeconds()).isEqualTo(50.0);
    assertThat(chunks.get(1).text()).startsWith("cue10 ");
    assertThat(chunks.getLast().endSeconds()).isEqualTo(150.0);
    assertThat(chunks).allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo("transcript");
      assertThat(c.endSeconds() - c.startSeconds()).isLessThanOrEqualTo(60.0);
      assertThat(c.speakers()).containsExactly("PROFESSOR");
    });
  }

  @Test
  void theTokenLimitClosesAWindowBeforeItsTimeIsUp() {
    List<ChunkDraft> chunks = new TranscriptChunker(words, 40, 600, 0).chunk(lecture(30, 5));
    assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(40));
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(1).startSeconds()).isEqualTo(50.0);
  }

  @Test
  void aCueLongerThanTheLimitIsSplitAndEveryPieceKeepsItsSpan() {
    String longCue = "word ".repeat(90) + ". " + "more ".repeat(30) + ".";
    ParsedSection section = new ParsedSection("transcript", "L", List.of("L"), List.of(new Block(BlockKind.CUE, longCue, List.of(), null, 12.0, 80.0)));
    List<ChunkDraft> chunks = new TranscriptChunker(words, 100, 60, 10).chunk(section);
    assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> {
      assertThat(c.startSeconds()).isEqualTo(12.0);
      assertThat(c.endSeconds()).isEqualTo(80.0);
    });
  }
}
