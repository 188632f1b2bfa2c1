package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.lessons.Lesson;

class LibraryGateTests {

  final LibraryGate gate = new LibraryGate(new LessonsProperties("embedded", 0.62, 0.65, 0.4, 0.5, 6, null));

  @Test
  void answersOnHighSimilarityAloneOrOnSimilarityWithCoverage() {
    assertThat(gate.answers(new Lesson.Evidence(0.70, 0.0, "Refraction", 0.5, 1))).isTrue();
    assertThat(gate.answers(new Lesson.Evidence(0.63, 0.5, "Refraction", 0.5, 1))).isTrue();
    assertThat(gate.answers(new Lesson.Evidence(0.63, 0.2, "Refraction", 0.5, 1))).isFalse();
    assertThat(gate.answers(new Lesson.Evidence(0.55, 1.0, "Refraction", 0.5, 1))).isFalse();
  }

  @Test
  void coverageIsTheShareOfTheQuestionsContentTermsTheSectionUses() {
    var section = List.of(ComposerFixtures.hit(1, "text", "Waves", "Refraction", "Light bends when it passes into water."));
    assertThat(LibraryGate.Coverage.of("Why does light bend in water?", section, "Refraction").terms()).isEqualTo(1.0);
    assertThat(LibraryGate.Coverage.of("Why does a straw look bent?", section, "Refraction").terms()).isLessThan(0.5);
    assertThat(LibraryGate.Coverage.of("Why does light bend?", List.of(), null).terms()).isZero();
  }

  @Test
  void refusesWhenTheSectionNeverUsesTheQuestionsSpecificWords() {
    assertThat(gate.answers(new Lesson.Evidence(0.70, 0.9, "Inclined Planes", 0.5, 0.0))).isFalse();
    assertThat(gate.answers(new Lesson.Evidence(0.70, 0.9, "Inclined Planes", 0.5, 0.5))).isTrue();
  }

  @Test
  void specificWordsAreTheQuestionsContentWordsOutsideTheFamiliarList() {
    assertThat(LibraryGate.salientTerms("Why do tectonic plates move?")).containsExactly("tecton");
    assertThat(LibraryGate.salientTerms("Why does a straw look bent in water?")).isEmpty();
    assertThat(LibraryGate.salientTerms("does time really slow down when you move super fast")).isEmpty();
    var section = List.of(ComposerFixtures.hit(1, "text", "Waves", "Refraction", "Refraction is the bending of light as it passes into water."));
    assertThat(LibraryGate.Coverage.of("What is refraction?", section, "Refraction").salient()).isEqualTo(1.0);
    assertThat(LibraryGate.Coverage.of("Why do tectonic plates move?", section, "Refraction").salient()).isZero();
    assertThat(LibraryGate.Coverage.of("Why does light bend?", section, "Refraction").salient()).as("no specific words to miss").isEqualTo(1.0);
  }
}
