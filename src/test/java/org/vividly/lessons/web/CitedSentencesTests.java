package org.vividly.lessons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitedSentencesTests {

  static final String PASSAGE = "Rainbows need rain and sun. A rainbow forms when sunlight enters raindrops and is refracted. The drops act like 9.8 tiny prisms!\nEach color bends by a different amount.";

  @Test
  void theSentencesTheLessonTookAreMarkedAndTheTextIsKept() {
    var segments = CitedSentences.of(PASSAGE, List.of("A rainbow forms when sunlight enters raindrops and is refracted."));
    assertThat(String.join("", segments.stream().map(CitedSentences.Segment::text).toList())).isEqualTo(PASSAGE);
    assertThat(segments.stream().filter(CitedSentences.Segment::cited).map(CitedSentences.Segment::text).toList()).as("the mark holds no trailing space").containsExactly("A rainbow forms when sunlight enters raindrops and is refracted.");
    assertThat(segments).hasSize(3);
  }

  @Test
  void aShortenedSentenceStillCountsAndNeighboursJoin() {
    var segments = CitedSentences.of(PASSAGE, List.of("Sunlight enters raindrops and is refracted; the drops act like tiny prisms."));
    assertThat(segments.stream().filter(CitedSentences.Segment::cited).map(s -> s.text().strip()).toList()).containsExactly("A rainbow forms when sunlight enters raindrops and is refracted. The drops act like 9.8 tiny prisms!");
  }

  @Test
  void withoutACitingTextNothingIsMarked() {
    assertThat(CitedSentences.of(PASSAGE, List.of())).singleElement().extracting(CitedSentences.Segment::cited).isEqualTo(false);
  }

  @Test
  void aRewordedLessonMarksTheClosestSentence() {
    var segments = CitedSentences.of(PASSAGE, List.of("Every color bends a different amount when light goes through."));
    assertThat(segments.stream().filter(CitedSentences.Segment::cited).map(s -> s.text().strip()).toList()).containsExactly("Each color bends by a different amount.");
  }
}
