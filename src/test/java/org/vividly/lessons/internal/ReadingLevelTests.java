package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingLevelTests {

  @Test
  void simpleSentencesScoreLowerThanTechnicalOnes() {
    double simple = ReadingLevel.grade("The ball goes up and then it comes down.");
    double technical = ReadingLevel.grade("Instantaneous acceleration characterizes the infinitesimal variation of velocity with respect to elapsed time.");
    assertThat(simple).isLessThan(4);
    assertThat(technical).isGreaterThan(14);
  }

  @Test
  void countsSyllablesByVowelGroups() {
    assertThat(ReadingLevel.syllables("cat")).isEqualTo(1);
    assertThat(ReadingLevel.syllables("velocity")).isEqualTo(4);
    assertThat(ReadingLevel.syllables("make")).isEqualTo(1);
  }
}
