package org.vividly.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Lesson.CheckQuestion;
import org.vividly.sources.Passage;

/**
 * A lesson on refraction with one check question of each kind, citing a real passage, for tests
 * that store it for a student (through the lessons module's store) and then answer it. Built by
 * hand so that the questions do not depend on what the composer makes of a small fixture.
 */
public final class QuizLessons {

  /** Notes to ingest; the lesson cites their only passage. */
  public static final String NOTES = "# Light\n\n## Refraction\n\nRefraction is the bending of light as it passes from one material into another. "
      + "A straw in a glass of water looks broken because of refraction. White light spreads into colors by dispersion when it is refracted by a prism.\n";

  public static final int MULTIPLE_CHOICE = 0;
  public static final int CLOZE = 1;
  public static final int EXERCISE = 2;

  private QuizLessons() {}

  /** @param section the heading under "Light" the questions count towards */
  public static Lesson refraction(Passage passage, String section) {
    Lesson.CitedSource cited = new Lesson.CitedSource(1, passage.id(), passage.sourceId(), passage.sourceTitle(), List.of("Light", section), passage.anchor(), 0.82, null, null, passage.text().substring(0, 80));
    List<Integer> one = List.of(1);
    List<CheckQuestion> questions = List.of(
        new CheckQuestion("Which term means \u201cthe bending of light as it passes from one material into another\u201d?", "refraction", one, CheckQuestion.MULTIPLE_CHOICE, List.of("reflection", "refraction", "dispersion", "diffraction")),
        new CheckQuestion("Fill in the blank: White light spreads into colors by _____ when it is refracted by a prism.", "dispersion", one, CheckQuestion.CLOZE, List.of()),
        new CheckQuestion("Why does a straw in a glass of water look broken?", "Light from the straw bends as it leaves the water, so the part under water appears shifted.", one));
    return new Lesson(UUID.randomUUID(), "Why does a straw look broken in water?", 9, List.of(), true, section, null,
        List.of(new Lesson.Paragraph("Light bends when it passes from water into air, which is called refraction.", one), new Lesson.Paragraph("A straw in a glass of water looks broken because of refraction.", one)),
        null, questions, List.of(cited), null, List.of(), "embedded", 52, Instant.now(),
        new Lesson.Paragraph("Refraction is the bending of light as it passes from one material into another.", one),
        List.of(new Lesson.KeyTerm("refraction", "the bending of light as it passes from one material into another", one)),
        new Lesson.Evidence(0.82, 0.9, section, 0.6, 1));
  }
}
