package org.vividly.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionMasteryTests {

  static String status(int answered, int correct) {
    return SectionMastery.of("Physics > Light > Refraction", answered, correct).status();
  }

  @Test
  void oneRightAnswerIsNotMasteryYet() {
    assertThat(status(1, 1)).isEqualTo(SectionMastery.LEARNING);
    assertThat(status(2, 2)).isEqualTo(SectionMastery.MASTERED);
  }

  @Test
  void masteryNeedsEightyPercentRight() {
    assertThat(status(5, 4)).isEqualTo(SectionMastery.MASTERED);
    assertThat(status(10, 8)).isEqualTo(SectionMastery.MASTERED);
    assertThat(status(10, 7)).isEqualTo(SectionMastery.LEARNING);
    assertThat(status(2, 1)).isEqualTo(SectionMastery.LEARNING);
  }

  @Test
  void underHalfRightIsMissed() {
    assertThat(status(1, 0)).isEqualTo(SectionMastery.MISSED);
    assertThat(status(3, 1)).isEqualTo(SectionMastery.MISSED);
    assertThat(status(4, 2)).isEqualTo(SectionMastery.LEARNING);
  }

  @Test
  void theHeadingIsTheLastPartOfThePath() {
    assertThat(SectionMastery.of("Physics > Light > Refraction", 1, 1).heading()).isEqualTo("Refraction");
    assertThat(SectionMastery.of("Notes", 1, 1).heading()).isEqualTo("Notes");
  }
}
