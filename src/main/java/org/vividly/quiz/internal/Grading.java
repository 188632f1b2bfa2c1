package org.vividly.quiz.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.vividly.common.InvalidRequest;
import org.vividly.lessons.Lesson.CheckQuestion;
import org.vividly.quiz.AnswerCommand;

/** Grades an answer against the stored question; the rules are in the quiz module's package docs. */
public final class Grading {

  private Grading() {}

  /**
   * A grade.
   *
   * @param correct null when an exercise's solution is to be shown before the student marks it
   * @param answer the answer as stored: for multiple-choice, the choice's own text
   */
  public record Grade(Boolean correct, boolean selfAssessed, String answer) {

    public boolean pending() {
      return correct == null;
    }
  }

  /**
   * @throws InvalidRequest when a multiple-choice answer is not one of the choices, or a self
   *     assessment is sent for a question the server grades
   */
  public static Grade grade(CheckQuestion question, AnswerCommand answer) {
    return switch (question.kind()) {
      case CheckQuestion.MULTIPLE_CHOICE -> {
        refuseSelfAssessment(question, answer);
        String chosen = choice(question.choices(), answer.answer());
        yield new Grade(loose(chosen).equals(loose(question.answer())), false, chosen);
      }
      case CheckQuestion.CLOZE -> {
        refuseSelfAssessment(question, answer);
        yield new Grade(sameTerm(answer.answer(), question.answer()), false, answer.answer());
      }
      // The book's exercises (and any kind a newer composer adds): the student compares with the solution.
      default -> answer.selfAssessment() == null ? new Grade(null, false, answer.answer()) : new Grade(answer.selfAssessment().equals("right"), true, answer.answer());
    };
  }

  /** The choice the answer names, compared without case or extra white space. */
  static String choice(List<String> choices, String answer) {
    for (String c : choices) if (loose(c).equals(loose(answer))) return c;
    throw new InvalidRequest("answer must be one of the choices: " + String.join(" | ", choices));
  }

  /**
   * Whether a fill-in-the-blank answer is the term: case, surrounding punctuation and white space
   * do not count, nor does a plural "s" or "es" on either side ("ray" for "rays", "lenses" for "lens").
   */
  static boolean sameTerm(String answer, String term) {
    String a = bare(answer);
    String t = bare(term);
    if (a.isEmpty()) return false;
    return a.equals(t) || a.equals(t + "s") || t.equals(a + "s") || a.equals(t + "es") || t.equals(a + "es");
  }

  /** Lower case, compatibility-normalized, single spaces, nothing but letters and digits at the ends. */
  static String bare(String text) {
    String t = loose(text);
    int start = 0;
    int end = t.length();
    while (start < end && !Character.isLetterOrDigit(t.codePointAt(start))) start += Character.charCount(t.codePointAt(start));
    while (end > start && !Character.isLetterOrDigit(t.codePointBefore(end))) end -= Character.charCount(t.codePointBefore(end));
    return t.substring(start, end);
  }

  private static String loose(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private static void refuseSelfAssessment(CheckQuestion question, AnswerCommand answer) {
    if (answer.selfAssessment() != null) throw new InvalidRequest("selfAssessment is only for exercises; a " + question.kind() + " question is graded by the server");
  }
}
