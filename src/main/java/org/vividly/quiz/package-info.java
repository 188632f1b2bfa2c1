/**
 * Quizzes that count: a student answers the check questions of their own lessons, the server
 * grades each answer from the stored lesson, and teachers read from the answers which sections
 * each student has mastered or missed.
 *
 * <p><b>Grading</b> never trusts the client. A {@code multiple-choice} answer must be one of the
 * question's choices and is right when it is the stored answer. A {@code cloze} answer is right
 * when it is the blanked term, ignoring case, surrounding punctuation and white space, and a
 * plural "s" or "es". An {@code exercise} is the book's own, with a worked solution that no rule
 * can compare with free text: the student first sees the solution next to what they wrote (nothing
 * is stored), then marks themself right or wrong, and the answer is stored as self-assessed.
 *
 * <p><b>Answering again</b> replaces the stored answer and counts the attempt: mastery is about
 * what the student knows now, not their first try.
 *
 * <p><b>Mastery</b> is counted per student and section (the heading path of the question's first
 * citation), over the student's latest answers: see {@link org.vividly.quiz.SectionMastery}.
 *
 * <p><b>Tenancy</b>: only the lesson's owner answers it (anyone else, their teacher too, gets 404).
 * Students read their own history and mastery, teachers the students of their classes, admins
 * anyone in the organization; everything else is 404, like every other read.
 */
package org.vividly.quiz;
