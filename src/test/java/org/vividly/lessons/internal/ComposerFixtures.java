package org.vividly.lessons.internal;

import java.util.List;
import java.util.UUID;
import org.vividly.lessons.LessonComposer;
import org.vividly.retrieval.Citation;
import org.vividly.retrieval.SearchHit;

/** Retrieved passages for composer tests. */
final class ComposerFixtures {

  static final UUID BOOK = UUID.randomUUID();

  static SearchHit hit(long id, String kind, String chapter, String section, String text, double similarity) {
    return new SearchHit(kind, text, new Citation(id, BOOK, "Physics", UUID.randomUUID(), "m" + id, List.of("Physics", chapter, section), null), 1.0 / id, similarity);
  }

  static LessonComposer.Brief gravityBrief() {
    return new LessonComposer.Brief(
        "Why does a ball thrown straight up slow down?",
        9,
        List.of("basketball"),
        List.of(
            hit(1, "text", "Acceleration", "Acceleration Due to Gravity", "A ball thrown straight up slows down because gravity pulls it downward. Its acceleration is 9.8 m/s² toward the ground the whole time. See Figure 3.4 for the path of the ball.", 0.82),
            hit(2, "text", "Acceleration", "Acceleration Due to Gravity", "At the top of its path the ball stops for an instant before it falls back down. Gravity pulls the ball down all the way.", 0.80),
            hit(3, "text", "Sound", "Resonance", "A guitar string vibrates at its resonant frequency when plucked by a musician.", 0.61)),
        List.of(hit(4, "example", "Acceleration", "Acceleration Due to Gravity", "Falling Objects:\nA rock is thrown straight up at 13 m/s. How high does it go?\nSolution: It rises until its speed is zero, 8.6 m above the cliff.")),
        List.of(
            hit(5, "exercise", "Acceleration", "Acceleration Due to Gravity", "A ball is dropped from rest. How fast is it moving after 2 s?\nSolution: 19.6 m/s"),
            hit(6, "exercise", "Sound", "Resonance", "What is resonance?\nSolution: Vibration at a natural frequency."),
            hit(7, "exercise", "Acceleration", "Acceleration Due to Gravity", "Which way does gravity pull? • up • down")),
        List.of(hit(8, "definition", "Acceleration", "Acceleration Due to Gravity", "acceleration due to gravity: the acceleration of an object as a result of gravity", 0.7)));
  }

  static SearchHit hit(long id, String kind, String chapter, String section, String text) {
    return hit(id, kind, chapter, section, text, 0.7);
  }

  private ComposerFixtures() {}
}
