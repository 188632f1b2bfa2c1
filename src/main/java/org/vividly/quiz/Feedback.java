package org.vividly.quiz;

import java.time.Instant;

/**
 * What a student learns from an answer.
 *
 * @param correct whether the answer is right; null for an exercise whose solution is shown but
 *     that the student has not marked yet
 * @param selfAssessed true when the student marked an exercise themself
 * @param recorded whether the answer was stored (false only for an exercise's first step)
 * @param expectedAnswer the stored answer: the right choice, the blanked term or the solution
 * @param message one friendly sentence about the answer
 * @param passage the passage the question cites, to read again
 * @param section heading path of the cited section, the unit of mastery
 * @param answeredAt when it was stored, or null when it was not
 */
public record Feedback(int questionIndex, String kind, String answer, Boolean correct, boolean selfAssessed, boolean recorded, String expectedAnswer, String message, CitedPassage passage, String section, Instant answeredAt) {

  /**
   * A question's cited passage.
   *
   * @param number the citation's number in the lesson, as in {@code [1]}
   * @param location book &gt; chapter &gt; section (and the time, for a lecture)
   * @param text the passage's text; its opening words when the passage is gone
   */
  public record CitedPassage(int number, long passageId, String sourceTitle, String location, String text) {}
}
