package org.vividly.quiz;

import org.vividly.common.InvalidRequest;
import org.vividly.common.TextInput;

/**
 * An answer to one check question of a lesson.
 *
 * @param questionIndex 0-based, into the lesson's {@code checkQuestions}
 * @param answer what the student wrote, or for a multiple-choice question the choice's text
 * @param selfAssessment for an exercise only: {@code right} or {@code wrong}, once the student has
 *     compared their answer with the solution; leave it out to see the solution first
 */
public record AnswerCommand(Integer questionIndex, String answer, String selfAssessment) {

  public static final int MAX_ANSWER = 4000;

  public AnswerCommand {
    // Control characters are named first, whatever else is wrong with the body.
    if (answer != null) answer = TextInput.check("answer", answer);
    if (selfAssessment != null) selfAssessment = TextInput.check("selfAssessment", selfAssessment);
    if (questionIndex == null) throw new InvalidRequest("questionIndex is required: the 0-based number of the check question");
    if (questionIndex < 0) throw new InvalidRequest("questionIndex must be 0 or more");
    if (answer == null || answer.isBlank()) throw new InvalidRequest("Write an answer first: answer must not be empty");
    answer = answer.strip();
    if (answer.length() > MAX_ANSWER) throw new InvalidRequest("answer is longer than " + MAX_ANSWER + " characters");
    if (selfAssessment != null && selfAssessment.isBlank()) selfAssessment = null;
    if (selfAssessment != null && !selfAssessment.equals("right") && !selfAssessment.equals("wrong")) {
      throw new InvalidRequest("selfAssessment must be 'right' or 'wrong'");
    }
  }
}
