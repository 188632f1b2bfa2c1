package org.vividly.lessons.internal;

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

/** A person's lessons in the data rules: the question, grade, interests and the lesson composed for them. */
@Component
class LessonRecords implements PersonalData {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  LessonRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public String name() {
    return "lessons";
  }

  @Override
  public List<Map<String, Object>> export(OrganizationId organization, UUID person) {
    return JsonRows.of(jdbc, json, "SELECT row_to_json(l)::text FROM (SELECT id, question, grade, interests, in_library, body, created_at FROM lesson WHERE organization_id = ? AND owner_id = ? ORDER BY created_at) l",
        organization.value(), person);
  }

  @Override
  public int erase(OrganizationId organization, UUID person) {
    return jdbc.sql("DELETE FROM lesson WHERE organization_id = ? AND owner_id = ?").params(organization.value(), person).update();
  }

  @Override
  public int eraseBefore(OrganizationId organization, Collection<UUID> people, Instant cutoff) {
    return jdbc.sql("DELETE FROM lesson WHERE organization_id = ? AND owner_id = ANY(?) AND created_at < ?").params(organization.value(), people.toArray(UUID[]::new), java.sql.Timestamp.from(cutoff)).update();
  }
}
