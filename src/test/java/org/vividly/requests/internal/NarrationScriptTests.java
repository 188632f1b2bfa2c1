package org.vividly.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vividly.lessons.Lesson;
import org.vividly.media.MediaFailed;
import org.vividly.media.Slide;

class NarrationScriptTests {

  static Lesson lesson(int paragraphs) {
    var source = new Lesson.CitedSource(1, 7, UUID.randomUUID(), "Physics", List.of("Physics", "Motion", "Speed"), "speed", 0.8);
    List<Lesson.Paragraph> explanation = java.util.stream.IntStream.range(0, paragraphs)
        .mapToObj(i -> new Lesson.Paragraph("Speed tells how fast something moves. Average speed is v = d / t for a trip. A car that covers 100 meters in 10 seconds has a speed of 10 m/s. It is a scalar quantity.", List.of(1)))
        .toList();
    return new Lesson(UUID.randomUUID(), "What is speed?", 7, List.of(), true, "Speed", new Lesson.Paragraph("Every soccer pass has a speed. Let's find out: What is speed?", List.of(1)), explanation,
        new Lesson.WorkedExample("A runner covers 400 m in 80 s. What is her speed?", "v = 400 m / 80 s = 5 m/s.", List.of(1)),
        List.of(new Lesson.CheckQuestion("Is speed a vector?", "No, it is a scalar.", List.of(1))), List.of(source), null, List.of(), "embedded", 10, Instant.now());
  }

  @Test
  void narratesTitleKeyIdeasExampleAndACheckQuestionFromTheLessonsOwnSentences() {
    NarrationScript script = NarrationScript.of(lesson(1), "en");
    assertThat(script.parts()).extracting(p -> p.slide().kind()).containsExactly(Slide.Kind.TITLE, Slide.Kind.POINTS, Slide.Kind.EXAMPLE, Slide.Kind.QUESTION);
    var idea = script.parts().get(1);
    assertThat(idea.slide().heading()).isEqualTo("Speed");
    assertThat(idea.slide().formula()).isEqualTo("Average speed is v = d / t for a trip.");
    assertThat(idea.slide().footer()).isEqualTo("[1] Physics > Motion > Speed");
    assertThat(idea.sentences()).hasSize(3).allMatch(s -> lesson(1).explanation().getFirst().text().contains(s));
    assertThat(script.parts().getLast().sentences()).contains("Is speed a vector?", "Answer: No, it is a scalar.");
  }

  @Test
  void staysWithinTheWordBudgetForALongLesson() {
    NarrationScript script = NarrationScript.of(lesson(3), "en");
    int words = script.sentences().stream().mapToInt(s -> s.split("\\s+").length).sum();
    assertThat(words).isLessThanOrEqualTo(NarrationScript.WORD_BUDGET + 40);
  }

  @Test
  void aLessonNotInTheLibraryHasNothingToNarrate() {
    Lesson none = new Lesson(UUID.randomUUID(), "Who won?", 7, List.of(), false, "Not in your library", null, List.of(), null, List.of(), List.of(), "not here", List.of(), "embedded", 1, Instant.now());
    assertThatThrownBy(() -> NarrationScript.of(none, "en")).isInstanceOf(MediaFailed.class).hasMessageContaining("nothing to narrate").satisfies(e -> assertThat(((MediaFailed) e).retriable()).isFalse());
  }

  @Test
  void translationReplacesWordsAndLabelsButKeepsFormulasAndCitations() {
    NarrationScript script = NarrationScript.of(lesson(1), "en");
    NarrationScript es = script.translated("es", texts -> texts.stream().map(t -> "ES:" + t).toList());
    assertThat(es.language()).isEqualTo("es");
    assertThat(es.sentences()).allMatch(s -> s.startsWith("ES:")).hasSameSizeAs(script.sentences());
    assertThat(es.parts().get(1).slide().label()).isEqualTo("Idea clave");
    assertThat(es.parts().get(1).slide().formula()).isEqualTo(script.parts().get(1).slide().formula());
    assertThat(es.parts().get(1).slide().footer()).isEqualTo("[1] Physics > Motion > Speed");
  }

  @Test
  void spanishNarrationOpensWithTheQuestionInsteadOfAnEnglishHook() {
    NarrationScript script = NarrationScript.of(lesson(1), "es");
    assertThat(script.parts().getFirst().sentences()).containsExactly("Veamos: What is speed?");
    assertThat(script.parts().get(1).slide().label()).isEqualTo("Idea clave");
  }

  @Test
  void detectsTheLanguageOfALesson() {
    assertThat(Languages.detect("The plant takes in carbon dioxide from the air and water from the soil.", "en")).isEqualTo("en");
    assertThat(Languages.detect("La planta toma el dióxido de carbono del aire y el agua del suelo por las raíces.", "en")).isEqualTo("es");
    assertThat(Languages.detect("E = mc²", "en")).isEqualTo("en");
  }
}
