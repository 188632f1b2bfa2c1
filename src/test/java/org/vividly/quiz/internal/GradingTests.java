package org.vividly.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.common.InvalidRequest;
import org.vividly.lessons.Lesson.CheckQuestion;
import org.vividly.quiz.AnswerCommand;

class GradingTests {

  static final CheckQuestion CHOICE = new CheckQuestion("Which term means \u201cthe bending of light\u201d?", "refraction", List.of(1), CheckQuestion.MULTIPLE_CHOICE, List.of("reflection", "refraction", "dispersion"));
  static final CheckQuestion CLOZE = new CheckQuestion("Fill in the blank: White light spreads into colors by _____.", "dispersion", List.of(1), CheckQuestion.CLOZE, List.of());
  static final CheckQuestion EXERCISE = new CheckQuestion("Why is the sky blue?", "Short wavelengths scatter more.", List.of(1));

  static Grading.Grade grade(CheckQuestion q, String answer, String self) {
    return Grading.grade(q, new AnswerCommand(0, answer, self));
  }

  @Test
  void aMultipleChoiceAnswerIsRightOnlyWhenItIsTheStoredChoice() {
    assertThat(grade(CHOICE, "refraction", null).correct()).isTrue();
    assertThat(grade(CHOICE, "  Refraction ", null)).isEqualTo(new Grading.Grade(true, false, "refraction"));
    assertThat(grade(CHOICE, "reflection", null).correct()).isFalse();
  }

  @Test
  void aMultipleChoiceAnswerMustBeOneOfTheChoices() {
    assertThatThrownBy(() -> grade(CHOICE, "diffraction", null)).isInstanceOf(InvalidRequest.class).hasMessageContaining("one of the choices").hasMessageContaining("reflection | refraction | dispersion");
  }

  @Test
  void aClozeAnswerIgnoresCasePunctuationSpacesAndAPluralS() {
    for (String ok : List.of("dispersion", "Dispersion", " dispersion. ", "\u201cdispersion\u201d", "DISPERSIONS", "dispersion!")) {
      assertThat(grade(CLOZE, ok, null).correct()).as(ok).isTrue();
    }
    for (String wrong : List.of("dispersal", "refraction", "dis persion", "...")) {
      assertThat(grade(CLOZE, wrong, null).correct()).as(wrong).isFalse();
    }
  }

  @Test
  void pluralsWorkBothWaysAndWithEs() {
    assertThat(Grading.sameTerm("lenses", "lens")).isTrue();
    assertThat(Grading.sameTerm("lens", "lenses")).isTrue();
    assertThat(Grading.sameTerm("ray", "rays")).isTrue();
    assertThat(Grading.sameTerm("electric fields", "Electric field")).isTrue();
    assertThat(Grading.sameTerm("mass", "ma")).isFalse();
  }

  @Test
  void anExerciseShowsItsSolutionFirstThenTakesTheStudentsMark() {
    assertThat(grade(EXERCISE, "Blue scatters most", null).pending()).isTrue();
    assertThat(grade(EXERCISE, "Blue scatters most", "right")).isEqualTo(new Grading.Grade(true, true, "Blue scatters most"));
    assertThat(grade(EXERCISE, "No idea", "wrong")).isEqualTo(new Grading.Grade(false, true, "No idea"));
  }

  @Test
  void theServerGradedKindsTakeNoSelfAssessment() {
    assertThatThrownBy(() -> grade(CHOICE, "reflection", "right")).isInstanceOf(InvalidRequest.class).hasMessageContaining("graded by the server");
    assertThatThrownBy(() -> grade(CLOZE, "x", "right")).isInstanceOf(InvalidRequest.class);
  }

  @Test
  void anAnswerCommandRefusesWhatCannotBeGraded() {
    assertThatThrownBy(() -> new AnswerCommand(null, "x", null)).isInstanceOf(InvalidRequest.class).hasMessageContaining("questionIndex");
    assertThatThrownBy(() -> new AnswerCommand(-1, "x", null)).isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> new AnswerCommand(0, "  ", null)).isInstanceOf(InvalidRequest.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> new AnswerCommand(0, "x", "maybe")).isInstanceOf(InvalidRequest.class).hasMessageContaining("right");
    assertThatThrownBy(() -> new AnswerCommand(0, "x".repeat(AnswerCommand.MAX_ANSWER + 1), null)).isInstanceOf(InvalidRequest.class);
    assertThat(new AnswerCommand(0, " x ", "").selfAssessment()).isNull();
  }
}
