package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vividly.lessons.internal.ComposerFixtures.hit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.LessonComposer;
import org.vividly.lessons.LessonComposer.CitedText;
import org.vividly.retrieval.SearchHit;

class ExtractiveComposerTests {

  final LessonComposer.Draft draft = new ExtractiveComposer().compose(ComposerFixtures.gravityBrief());

  private static String shown(LessonComposer.Draft d) {
    StringBuilder s = new StringBuilder(d.keyIdea() == null ? "" : d.keyIdea().text());
    d.explanation().forEach(p -> s.append(' ').append(p.text()));
    return s.toString();
  }

  @Test
  void statesTheSectionsAnswerFirstAndCitesOnlyItsPassages() {
    assertThat(draft.title()).isEqualTo("Acceleration Due to Gravity");
    assertThat(draft.keyIdea().text()).contains("slows down because gravity pulls it downward");
    assertThat(draft.explanation()).allSatisfy(p -> assertThat(p.passageIds()).isNotEmpty().allMatch(id -> id >= 1 && id <= 12));
    assertThat(draft.hook().passageIds()).containsExactly(1L);
  }

  @Test
  void leavesOutFigureReferencesCaptionsTeacherNotesAndDanglingOpeners() {
    String text = shown(draft);
    assertThat(text).doesNotContain("Figure").doesNotContain("(b) shows").doesNotContain("[BL]").doesNotContain("Teacher Support").doesNotContain("The down side");
  }

  @Test
  void bringsTheAntecedentOfAChosenDanglingSentence() {
    String text = shown(draft);
    if (text.contains("This is why the ball stops")) assertThat(text).contains("At the top of its path");
  }

  @Test
  void takesTheWorkedExampleAndCheckQuestionsFromTheSectionOnly() {
    assertThat(draft.example()).isNotNull();
    assertThat(draft.example().problem()).isEqualTo("A rock is thrown straight up at 13 m/s. How high does it go?");
    assertThat(draft.questions()).hasSizeBetween(2, 3);
    assertThat(draft.questions().getFirst().answer()).isEqualTo("19.6 m/s");
    assertThat(draft.questions()).flatExtracting(LessonComposer.Question::passageIds).doesNotContain(6L);
  }

  @Test
  void keepsTheOptionsOfTheBooksMultipleChoiceExercises() {
    LessonComposer.Question mc = draft.questions().stream().filter(q -> q.question().startsWith("Which way does gravity pull?")).findFirst().orElseThrow();
    assertThat(mc.kind()).isEqualTo(Lesson.CheckQuestion.MULTIPLE_CHOICE);
    assertThat(mc.choices()).containsExactly("up", "down");
    assertThat(mc.answer()).isEqualTo("down");
  }

  @Test
  void glossesTheKeyTermsWithTheSectionsGlossary() {
    assertThat(draft.terms()).extracting(LessonComposer.Term::term).contains("gravity");
  }

  @Test
  void splitsLongSentencesAndDropsParentheticalsForYoungerStudents() {
    String longSentence = "A ball thrown straight up slows down because gravity pulls it toward the ground (at 9.8 m/s² near Earth's surface), and the ball keeps losing speed until it stops for a moment at the top of its path.";
    List<SearchHit> section = List.of(hit(1, "text", "Acceleration", "Acceleration Due to Gravity", longSentence));
    var brief = new LessonComposer.Brief("Why does a ball thrown up slow down?", 6, List.of(), section, List.of(), List.of(), List.of(), List.of(), section, "Acceleration Due to Gravity");
    String text = shown(new ExtractiveComposer().compose(brief));
    assertThat(text).doesNotContain("(").doesNotContain("9.8");
    assertThat(org.vividly.lessons.Readability.sentences(text)).hasSizeGreaterThanOrEqualTo(2);
    var older = new LessonComposer.Brief("Why does a ball thrown up slow down?", 12, List.of(), section, List.of(), List.of(), List.of(), List.of(), section, "Acceleration Due to Gravity");
    assertThat(shown(new ExtractiveComposer().compose(older))).contains("9.8");
  }

  @Test
  void answersWhyWithACauseAndWhatWithADefinition() {
    List<SearchHit> section = List.of(
        hit(1, "text", "Waves", "Refraction", "Light travels more slowly in water than in air. Refraction is the bending of light as it passes from one medium into another. The light bends because its speed changes at the boundary. A straw in a glass of water looks bent for this reason."));
    var why = new LessonComposer.Brief("Why does light bend when it goes into water?", 8, List.of(), section, List.of(), List.of(), List.of(), List.of(), section, "Refraction");
    assertThat(new ExtractiveComposer().compose(why).keyIdea().text()).contains("because");
    var what = new LessonComposer.Brief("What is refraction?", 8, List.of(), section, List.of(), List.of(), List.of(), List.of(), section, "Refraction");
    assertThat(new ExtractiveComposer().compose(what).keyIdea().text()).startsWith("Refraction is");
  }

  @Test
  void withoutAChosenSectionTheRetrievedPassagesStandIn() {
    var chat = new LessonComposer.Brief("Why does a ball thrown straight up slow down?", 9, List.of(), ComposerFixtures.gravityBrief().passages(), List.of(), List.of(), List.of());
    List<CitedText> explanation = new ExtractiveComposer().compose(chat).explanation();
    assertThat(explanation.stream().map(CitedText::text).toList()).noneMatch(t -> t.contains("guitar"));
  }

  @Test
  void aShortSectionInAnotherLanguageStillGetsStepsAfterTheKeyIdea() {
    String text = "La fotosíntesis es el proceso que usan las plantas, las algas y algunas bacterias para convertir la energía de la luz en energía química. Dentro de las hojas, unas estructuras llamadas cloroplastos contienen un pigmento verde, la clorofila, que absorbe la luz del sol. La planta toma dióxido de carbono del aire por unas aberturas diminutas llamadas estomas y agua del suelo por sus raíces.";
    List<SearchHit> section = List.of(hit(1, "text", "La fotosíntesis", "Cómo fabrican su alimento las plantas", text));
    var brief = new LessonComposer.Brief("¿Cómo fabrican su alimento las plantas?", 9, List.of(), section, List.of(), List.of(), List.of(), List.of(), section, "Cómo fabrican su alimento las plantas");
    var d = new ExtractiveComposer().compose(brief);
    assertThat(d.keyIdea()).isNotNull();
    assertThat(d.explanation()).as("steps besides the key idea").isNotEmpty();
    assertThat(shown(d)).contains("fotosíntesis");
  }

  @Test
  void theKeyIdeaIsTheBooksGeneralStatementRatherThanOneWorkedCase() {
    java.util.UUID sectionId = java.util.UUID.randomUUID();
    java.util.function.BiFunction<Long, List<String>, java.util.function.Function<String, SearchHit>> at =
        (id, path) -> text -> new SearchHit("text", text, new org.vividly.retrieval.Citation(id, ComposerFixtures.BOOK, "Physics", sectionId, "m" + id, path, null), 1.0 / id, 0.7);
    List<String> body = List.of("Physics", "Forces", "Newton's Second Law of Motion");
    List<String> summary = List.of("Physics", "Forces", "Newton's Second Law of Motion", "Section Summary");
    List<SearchHit> section = List.of(
        at.apply(1L, body).apply("Lifting a heavy box with a lever is easier when the lever is long."),
        at.apply(2L, summary).apply("The more mass a cart has, the more force you need to push it to the same speed."));
    var brief = new LessonComposer.Brief("Why is it harder to push a cart with more mass?", 7, List.of(), section, List.of(), List.of(), List.of(), List.of(), section, "Newton's Second Law of Motion");
    assertThat(new ExtractiveComposer().compose(brief).keyIdea().text()).startsWith("The more mass a cart has");
  }

  @Test
  void theKeyIdeaPrefersTheBooksSummaryStatementToADetailThatScoredALittleHigher() {
    java.util.UUID sectionId = java.util.UUID.randomUUID();
    var detail = new ExtractiveComposer.Sentence(new SearchHit("text", "", new org.vividly.retrieval.Citation(1L, ComposerFixtures.BOOK, "Physics", sectionId, "m1", List.of("Physics", "Simple Machines"), null), 1.0, 0.7), 0, 1,
        "Movers lift a piano onto a truck with a lever.", "Movers lift a piano onto a truck with a lever.");
    var stated = new ExtractiveComposer.Sentence(new SearchHit("text", "", new org.vividly.retrieval.Citation(2L, ComposerFixtures.BOOK, "Physics", sectionId, "m2", List.of("Physics", "Simple Machines", "Section Summary"), null), 0.5, 0.7), 1, 9,
        "A lever makes work easier by trading force for distance.", "A lever makes work easier by trading force for distance.");
    detail.score = 1.0;
    stated.score = 0.9;
    assertThat(ExtractiveComposer.keyIdea(List.of(detail, stated))).isSameAs(stated);
    stated.score = 0.7;
    assertThat(ExtractiveComposer.keyIdea(List.of(detail, stated))).as("a summary statement far behind does not win").isSameAs(detail);
  }

  @Test
  void howIsOneThingDifferentFromAnotherAsksForAContrast() {
    assertThat(QuestionKind.of("how is an empirical formula different from a molecular formula")).isEqualTo(QuestionKind.CONTRAST);
    assertThat(QuestionKind.of("how does a lever work")).isEqualTo(QuestionKind.PROCESS);
  }
}
