package org.vividly.quiz.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.privacy.OwnedTable;
import tools.jackson.databind.json.JsonMapper;

/** A student's quiz answers in the data rules. */
@Component
class QuizRecords extends OwnedTable {

  QuizRecords(JdbcClient jdbc, JsonMapper json) {
    super("quiz-answers", jdbc, json, "quiz_answer", "student_id", "answered_at", "t.lesson_id, t.question_index, t.kind, t.question, t.answer, t.correct, t.self_assessed, t.section, t.attempts, t.answered_at");
  }
}
