package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vividly.lessons.LessonComposer;

class ExtractiveComposerTests {

  final LessonComposer.Draft draft = new ExtractiveComposer().compose(ComposerFixtures.gravityBrief());

  @Test
  void everyParagraphCitesARetrievedPassage() {
    assertThat(draft.explanation()).isNotEmpty();
    assertThat(draft.explanation()).allSatisfy(p -> assertThat(p.passageIds()).isNotEmpty().allMatch(id -> id >= 1 && id <= 8));
    assertThat(draft.hook().passageIds()).containsExactly(1L);
  }

  @Test
  void usesOnlySourceSentencesAndLeavesOutFigureReferencesAndOffTopicPassages() {
    String text = String.join(" ", draft.explanation().stream().map(LessonComposer.CitedText::text).toList());
    assertThat(text).contains("gravity pulls it downward").doesNotContain("Figure 3.4").doesNotContain("guitar");
    assertThat(draft.explanation()).flatExtracting(LessonComposer.CitedText::passageIds).doesNotContain(3L);
  }

  @Test
  void dropsNearDuplicateSentences() {
    long gravityPullsDown = draft.explanation().stream().map(LessonComposer.CitedText::text).filter(t -> t.contains("Gravity pulls the ball down all the way")).count();
    assertThat(gravityPullsDown).isLessThanOrEqualTo(1);
  }

  @Test
  void takesTheWorkedExampleAndQuestionsWithAnswersFromTheSource() {
    assertThat(draft.example()).isNotNull();
    assertThat(draft.example().problem()).isEqualTo("A rock is thrown straight up at 13 m/s. How high does it go?");
    assertThat(draft.example().solution()).contains("8.6 m");
    assertThat(draft.questions()).hasSizeBetween(2, 3);
    assertThat(draft.questions().getFirst().answer()).isEqualTo("19.6 m/s");
    // an exercise from another chapter, or without a solution, is not a check question
    assertThat(draft.questions()).flatExtracting(LessonComposer.Question::passageIds).doesNotContainAnyElementsOf(Set.of(6L, 7L));
  }

  @Test
  void tiesTheHookToTheStudentsInterest() {
    assertThat(draft.hook().text()).containsIgnoringCase("basketball").contains("Why does a ball thrown straight up slow down?");
  }
}
