package org.vividly.quiz;

/**
 * How one student stands in one section, from their latest answer to each of its questions.
 *
 * <p>The rule: <b>mastered</b> with at least {@value #MIN_ANSWERS} answers of which at least 80%
 * are right; <b>missed</b> when fewer than half are right (one wrong answer is enough); otherwise
 * <b>learning</b> (one right answer, or between half and 80% right). Two answers is the least
 * that tells knowing from a lucky guess on a three- or four-way choice; 80% is the usual mastery
 * criterion of mastery learning (after Bloom, "Learning for Mastery", 1968; 80-90% is usual).
 *
 * @param section the heading path, for example {@code Physics > Motion > Free fall}
 * @param answered questions of the section the student answered
 * @param correct how many of those answers are right (self-assessed exercises included)
 * @param status {@code mastered}, {@code learning} or {@code missed}
 */
public record SectionMastery(String section, int answered, int correct, String status) {

  public static final int MIN_ANSWERS = 2;
  public static final String MASTERED = "mastered";
  public static final String LEARNING = "learning";
  public static final String MISSED = "missed";

  public SectionMastery {
    if (answered < 1 || correct < 0 || correct > answered) throw new IllegalArgumentException("need 0 <= correct <= answered, answered >= 1");
  }

  /** Applies the rule above. */
  public static SectionMastery of(String section, int answered, int correct) {
    String status;
    if (answered >= MIN_ANSWERS && correct * 5 >= answered * 4) status = MASTERED;
    else if (correct * 2 < answered) status = MISSED;
    else status = LEARNING;
    return new SectionMastery(section, answered, correct, status);
  }

  /** The section's own heading, the last part of its path. */
  public String heading() {
    int at = section.lastIndexOf(" > ");
    return at < 0 ? section : section.substring(at + 3);
  }
}
