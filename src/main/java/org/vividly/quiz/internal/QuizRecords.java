package org.vividly.quiz.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.privacy.JsonRows;
import org.vividly.privacy.PersonalData;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

/** A student's quiz answers in the data rules. */
@Component
class QuizRecords implements PersonalData {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  QuizRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public String name() {
    return "quiz-answers";
  }

  @Override
  public List<Map<String, Object>> export(OrganizationId organization, UUID person) {
    return JsonRows.of(jdbc, json, "SELECT row_to_json(a)::text FROM (SELECT lesson_id, question_index, kind, question, answer, correct, self_assessed, section, attempts, answered_at FROM quiz_answer WHERE organization_id = ? AND student_id = ? ORDER BY answered_at) a",
        organization.value(), person);
  }

  @Override
  public int erase(OrganizationId organization, UUID person) {
    return jdbc.sql("DELETE FROM quiz_answer WHERE organization_id = ? AND student_id = ?").params(organization.value(), person).update();
  }

  @Override
  public int eraseBefore(OrganizationId organization, Collection<UUID> people, Instant cutoff) {
    return jdbc.sql("DELETE FROM quiz_answer WHERE organization_id = ? AND student_id = ANY(?) AND answered_at < ?").params(organization.value(), people.toArray(UUID[]::new), java.sql.Timestamp.from(cutoff)).update();
  }
}
