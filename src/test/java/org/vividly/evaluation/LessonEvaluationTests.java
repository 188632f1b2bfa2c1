package org.vividly.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vividly.lessons.Lesson;

class LessonEvaluationTests {

  static final String SET = "id,split,question,section,key_idea\n"
      + "p1,tune,Why does a straw look bent in water?,Refraction,\"bend\\w*.*(speed|slow)\"\n"
      + "p2,holdout,What is work?,\"Work|Work, Power\",force.*distance\n"
      + "o1,tune,Who won the World Cup?,,\n";

  static final UUID BOOK = UUID.randomUUID();

  static Lesson.CitedSource source(int n, String... path) {
    return new Lesson.CitedSource(n, n, BOOK, "Physics", List.of(path), null, 0.8);
  }

  @Test
  void readsAQuestionSet() {
    List<LessonEvaluation.LabelledQuestion> qs = LessonEvaluation.read(new StringReader(SET));
    assertThat(qs).extracting(LessonEvaluation.LabelledQuestion::id).containsExactly("p1", "p2", "o1");
    assertThat(qs.get(1).sections()).containsExactly("Work", "Work, Power");
    assertThat(qs.get(2).inLibrary()).isFalse();
  }

  @Test
  void aBadRowIsNamedByItsLine() {
    assertThatThrownBy(() -> LessonEvaluation.read(new StringReader("id,split,question,section,key_idea\nx,train,q,S,k\n"))).hasMessageContaining("line").hasMessageContaining("split");
    assertThatThrownBy(() -> LessonEvaluation.read(new StringReader("id,split,question,section,key_idea\nx,tune,q,S,(unclosed\n"))).hasMessageContaining("not a regular expression");
    assertThatThrownBy(() -> LessonEvaluation.read(new StringReader("id,question\nx,q\n"))).hasMessageContaining("split");
  }

  @Test
  void theShippedQuestionSetsParseAndKeepAHoldoutPart() throws Exception {
    for (String set : List.of("physics", "chemistry", "out-of-library")) {
      try (var in = new InputStreamReader(getClass().getResourceAsStream("/eval/lessons/" + set + ".csv"), StandardCharsets.UTF_8)) {
        List<LessonEvaluation.LabelledQuestion> qs = LessonEvaluation.read(in);
        assertThat(qs).as(set).hasSizeGreaterThanOrEqualTo(40);
        long holdout = qs.stream().filter(q -> q.split().equals("holdout")).count();
        assertThat(holdout).as(set + " holdout part").isBetween(qs.size() / 5L, qs.size() / 2L);
        assertThat(qs).as(set).allMatch(q -> q.inLibrary() == !set.equals("out-of-library"));
      }
    }
  }

  @Test
  void scoresALesson() {
    var q = LessonEvaluation.read(new StringReader(SET)).getFirst();
    Lesson lesson = new Lesson(UUID.randomUUID(), q.question(), 7, List.of(), true, "Refraction", new Lesson.Paragraph("Hook", List.of(1)),
        List.of(new Lesson.Paragraph("Light bends because it slows down in water.", List.of(1))), null,
        List.of(new Lesson.CheckQuestion("Q1", "A", List.of(2)), new Lesson.CheckQuestion("Q2", "A", List.of(3))),
        List.of(source(1, "Physics", "Light", "Refraction"), source(2, "Physics", "Light", "Lenses"), source(3, "Physics", "Sound", "Echoes")),
        null, List.of(), "embedded", 12, Instant.now(), new Lesson.Paragraph("Refraction is the bending of light. [BL] Ask students why.", List.of(1)), List.of(), new Lesson.Evidence(0.8, 1, "Refraction", 0.6, 1));
    LessonEvaluation.Score s = LessonEvaluation.score(q, lesson);
    assertThat(s.answered()).isTrue();
    assertThat(s.sectionCited()).isTrue();
    assertThat(s.keyIdea()).isTrue();
    assertThat(s.checkQuestions()).isEqualTo(2);
    assertThat(s.checkQuestionsNear()).as("Lenses shares the chapter, Echoes does not").isEqualTo(1);
    assertThat(s.teacherOnly()).hasSize(1);
    assertThat(s.similarity()).isEqualTo(0.8);
    LessonEvaluation.Summary sum = LessonEvaluation.summarize(List.of(s), 7);
    assertThat(sum.keyIdea()).isEqualTo(1);
    assertThat(sum.teacherOnly()).isEqualTo(1);
    assertThat(String.join("\n", LessonEvaluation.lines("tune", sum, 7))).contains("check questions from own section/chapter").contains("MISSED");
  }

  @Test
  void calibrationFindsThresholdsThatSeparateTheLabels() {
    var qs = LessonEvaluation.read(new StringReader(SET));
    List<LessonEvaluation.Score> scores = List.of(
        score(qs.get(0), 0.80, 0.9), score(qs.get(1), 0.66, 0.7), score(qs.get(2), 0.64, 0.2));
    LessonEvaluation.Gate gate = LessonEvaluation.calibrate(scores);
    assertThat(gate.falseRefusals() + gate.falseAnswers()).isZero();
  }

  @Test
  void aFalseAnswerCostsMoreThanAFalseRefusalWhenThresholdsAreChosen() {
    var qs = LessonEvaluation.read(new StringReader(SET));
    // The out-of-library question looks more answerable than the in-library one: no threshold separates them.
    List<LessonEvaluation.Score> scores = List.of(score(qs.get(0), 0.66, 0.9), score(qs.get(2), 0.68, 0.9));
    LessonEvaluation.Gate gate = LessonEvaluation.calibrate(scores);
    assertThat(gate.falseAnswers()).isZero();
    assertThat(gate.falseRefusals()).isEqualTo(1);
  }

  private static LessonEvaluation.Score score(LessonEvaluation.LabelledQuestion q, double similarity, double coverage) {
    return new LessonEvaluation.Score(q, true, true, true, 0, 0, List.of(), 7, 0.2, 10, "t", "", similarity, coverage, 0.5, 1);
  }

  @Test
  void percentilesAreNearestRank() {
    assertThat(LessonEvaluation.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50)).isEqualTo(2.0);
    assertThat(LessonEvaluation.percentile(List.of(1.0, 2.0, 3.0, 4.0), 99)).isEqualTo(4.0);
  }
}
