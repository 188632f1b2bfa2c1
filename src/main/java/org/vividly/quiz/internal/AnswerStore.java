package org.vividly.quiz.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vividly.quiz.QuizAnswer;
import org.vividly.quiz.SectionMastery;
import org.vividly.tenancy.OrganizationId;

/** Students' latest answers, per organization: one row per student, lesson and question. */
@Repository
public class AnswerStore {

  private static final String COLUMNS = "lesson_id, question_index, kind, question, answer, correct, self_assessed, section, attempts, answered_at";
  private final JdbcClient jdbc;

  AnswerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores an answer; answering the same question again replaces it and counts the attempt. */
  public QuizAnswer save(OrganizationId org, UUID student, UUID lessonId, int questionIndex, String kind, String question, String answer, boolean correct, boolean selfAssessed, String section) {
    // One statement, so that two quick answers to one question cannot both insert.
    return jdbc.sql(
            """
            INSERT INTO quiz_answer (id, organization_id, lesson_id, question_index, student_id, kind, question, answer, correct, self_assessed, section)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (lesson_id, question_index, student_id) DO UPDATE SET answer = EXCLUDED.answer, correct = EXCLUDED.correct,
              self_assessed = EXCLUDED.self_assessed, kind = EXCLUDED.kind, question = EXCLUDED.question, section = EXCLUDED.section,
              attempts = quiz_answer.attempts + 1, answered_at = now()
            RETURNING\s""" + COLUMNS)
        .params(UUID.randomUUID(), org.value(), lessonId, questionIndex, student, kind, question, answer, correct, selfAssessed, section)
        .query(AnswerStore::map)
        .single();
  }

  /** A student's answers to one lesson, by question. */
  public List<QuizAnswer> forLesson(OrganizationId org, UUID student, UUID lessonId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM quiz_answer WHERE organization_id = ? AND student_id = ? AND lesson_id = ? ORDER BY question_index")
        .params(org.value(), student, lessonId)
        .query(AnswerStore::map)
        .list();
  }

  /** A student's answers, newest first. */
  public List<QuizAnswer> history(OrganizationId org, UUID student, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM quiz_answer WHERE organization_id = ? AND student_id = ? ORDER BY answered_at DESC, question_index LIMIT ?")
        .params(org.value(), student, limit)
        .query(AnswerStore::map)
        .list();
  }

  /** A student's tally in one section. */
  public record Tally(UUID student, String section, int answered, int correct) {

    public SectionMastery mastery() {
      return SectionMastery.of(section, answered, correct);
    }
  }

  /** Answered and right per student and section, the most recently answered section first. */
  public List<Tally> tallies(OrganizationId org, Collection<UUID> students) {
    if (students.isEmpty()) return List.of();
    return jdbc.sql(
            """
            SELECT student_id, section, count(*), count(*) FILTER (WHERE correct) FROM quiz_answer
            WHERE organization_id = ? AND student_id = ANY(?) GROUP BY student_id, section ORDER BY max(answered_at) DESC, section""")
        .params(org.value(), students.toArray(UUID[]::new))
        .query((rs, i) -> new Tally(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4)))
        .list();
  }

  private static QuizAnswer map(ResultSet rs, int row) throws SQLException {
    Timestamp at = rs.getTimestamp(10);
    return new QuizAnswer(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getInt(9), at.toInstant());
  }
}
