package org.vividly.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReadabilityTests {

  @Test
  void fleschKincaidGradeRisesWithLongerSentencesAndLongerWords() {
    double simple = Readability.fleschKincaidGrade("The ball goes up. Then it comes down.");
    double technical = Readability.fleschKincaidGrade("Instantaneous acceleration characterizes the infinitesimal variation of velocity with respect to elapsed time.");
    assertThat(simple).isLessThan(2);
    assertThat(technical).isGreaterThan(14);
    // 0.39 * (9 words / 2 sentences) + 11.8 * (syllables / 9 words) - 15.59
    String text = "The ball goes up. Then it comes down again.";
    int syllables = Readability.words(text).stream().mapToInt(Readability::syllables).sum();
    assertThat(Readability.fleschKincaidGrade(text)).isCloseTo(0.39 * 4.5 + 11.8 * syllables / 9.0 - 15.59, within(0.01));
  }

  @Test
  void countsSyllablesByVowelGroups() {
    assertThat(Readability.syllables("cat")).isEqualTo(1);
    assertThat(Readability.syllables("velocity")).isEqualTo(4);
    assertThat(Readability.syllables("make")).isEqualTo(1);
    assertThat(Readability.syllables("table")).isEqualTo(2);
  }

  @Test
  void familiarWordsFollowTheDaleChallListAndItsInflectionRules() {
    assertThat(Readability.familiar("ball")).isTrue();
    assertThat(Readability.familiar("balls")).isTrue();
    assertThat(Readability.familiar("jumped")).isTrue();
    assertThat(Readability.familiar("running")).isTrue();
    assertThat(Readability.familiar("velocity")).isFalse();
    assertThat(Readability.unfamiliarShare("The ball has velocity.")).isCloseTo(0.25, within(1e-9));
    assertThat(Readability.unfamiliarShare("")).isZero();
  }

  @Test
  void sentencePiecesCutWhereSentencesDoAndJoinBackToTheText() {
    String text = "Light bends in water. It slows down!\nA lens focuses light (see Fig. 2) on the retina.  ";
    java.util.List<String> pieces = Readability.sentencePieces(text);
    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces.stream().map(String::strip).filter(p -> !p.isEmpty()).toList()).isEqualTo(Readability.sentences(text));
    assertThat(Readability.sentences(text)).hasSize(3);
  }

  @Test
  void anAbbreviationDoesNotEndASentence() {
    assertThat(Readability.sentences("According to the U.S. Department of Energy, Earth receives enough sunlight each hour. Dr. Curie measured it."))
        .containsExactly("According to the U.S. Department of Energy, Earth receives enough sunlight each hour.", "Dr. Curie measured it.");
  }
}
