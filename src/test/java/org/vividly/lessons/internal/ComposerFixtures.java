package org.vividly.lessons.internal;

import java.util.List;
import java.util.UUID;
import org.vividly.lessons.LessonComposer;
import org.vividly.retrieval.Citation;
import org.vividly.retrieval.SearchHit;

/** Retrieved passages and a chosen section for composer tests. */
final class ComposerFixtures {

  static final UUID BOOK = UUID.randomUUID();
  static final UUID GRAVITY = UUID.randomUUID();

  static SearchHit hit(long id, String kind, String chapter, String section, String text, double similarity) {
    UUID sectionId = section.equals("Acceleration Due to Gravity") ? GRAVITY : UUID.nameUUIDFromBytes(section.getBytes());
    List<String> path = kind.equals("definition") ? List.of("Physics", chapter, section, "Glossary") : List.of("Physics", chapter, section);
    return new SearchHit(kind, text, new Citation(id, BOOK, "Physics", sectionId, "m" + id, path, null), 1.0 / id, similarity);
  }

  static SearchHit hit(long id, String kind, String chapter, String section, String text) {
    return hit(id, kind, chapter, section, text, 0.7);
  }

  static final String SECTION = "Acceleration Due to Gravity";

  /** The section "Acceleration Due to Gravity" in reading order, with a caption, a teacher note's leftovers and the book's boxes. */
  static List<SearchHit> gravitySection() {
    return List.of(
        hit(1, "text", "Acceleration", SECTION, "A ball thrown straight up slows down because gravity pulls it downward. Its acceleration is 9.8 m/s² toward the ground the whole time. See Figure 3.4 for the path of the ball.", 0.82),
        hit(2, "text", "Acceleration", SECTION, "Figure: (b) shows the path of a ball thrown up, its size distorted by the lens.\nAt the top of its path the ball stops for an instant before it falls back down. This is why the ball stops rising: gravity has taken away all of its upward speed. Gravity pulls the ball down all the way.", 0.80),
        hit(3, "text", "Acceleration", SECTION, "The down side is that you must wait longer for the ball to land. [BL] Ask students to predict where the ball lands."),
        hit(4, "example", "Acceleration", SECTION, "Falling Objects:\nA rock is thrown straight up at 13 m/s. How high does it go?\nSolution: It rises until its speed is zero, 8.6 m above the cliff."),
        hit(5, "exercise", "Acceleration", SECTION, "A ball is dropped from rest. How fast is it moving after 2 s?\nSolution: 19.6 m/s"),
        hit(7, "exercise", "Acceleration", SECTION, "Which way does gravity pull? • up • down\nSolution: (b)"),
        hit(8, "definition", "Acceleration", SECTION, "acceleration due to gravity: the acceleration of an object as a result of gravity"),
        hit(9, "definition", "Acceleration", SECTION, "gravity: the force that pulls objects toward the center of Earth"),
        hit(10, "definition", "Acceleration", SECTION, "free fall: motion under the influence of gravity alone"),
        hit(11, "definition", "Acceleration", SECTION, "projectile: an object thrown or launched into the air"));
  }

  static LessonComposer.Brief gravityBrief() {
    List<SearchHit> section = gravitySection();
    return new LessonComposer.Brief(
        "Why does a ball thrown straight up slow down?",
        9,
        List.of("basketball"),
        List.of(section.get(0), section.get(1), hit(12, "text", "Sound", "Resonance", "A guitar string vibrates at its resonant frequency when plucked by a musician.", 0.61)),
        List.of(section.get(3)),
        List.of(section.get(4), hit(6, "exercise", "Sound", "Resonance", "What is resonance?\nSolution: Vibration at a natural frequency."), section.get(5)),
        List.of(section.get(6)),
        List.of(),
        section,
        SECTION);
  }

  private ComposerFixtures() {}
}
