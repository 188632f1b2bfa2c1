package org.vividly.quiz;

import java.time.Instant;
import java.util.UUID;

/**
 * A student's latest answer to one check question.
 *
 * @param questionIndex 0-based, into the lesson's {@code checkQuestions}
 * @param kind {@code exercise}, {@code multiple-choice} or {@code cloze}
 * @param correct as graded by the server, or as the student marked an exercise
 * @param selfAssessed true for an exercise the student marked themself
 * @param section heading path of the question's first citation
 * @param attempts how many times the student answered it
 */
public record QuizAnswer(UUID lessonId, int questionIndex, String kind, String question, String answer, boolean correct, boolean selfAssessed, String section, int attempts, Instant answeredAt) {}
