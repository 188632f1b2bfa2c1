package org.vividly.lessons.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vividly.lessons.Lesson;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

/** Lessons as JSONB documents, per organization. */
@Repository
public class LessonStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  LessonStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void save(OrganizationId org, Lesson lesson) {
    jdbc.sql("INSERT INTO lesson (id, organization_id, question, grade, interests, in_library, composer, body, latency_ms) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?)")
        .params(lesson.id(), org.value(), lesson.question(), lesson.grade(), json.writeValueAsString(lesson.interests()), lesson.inLibrary(), lesson.composer(), json.writeValueAsString(lesson), (int) lesson.latencyMs())
        .update();
  }

  public Optional<Lesson> find(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT body FROM lesson WHERE organization_id = ? AND id = ?").params(org.value(), id).query(String.class).optional().map(b -> json.readValue(b, Lesson.class));
  }

  public List<Lesson> recent(OrganizationId org, int limit) {
    return jdbc.sql("SELECT body FROM lesson WHERE organization_id = ? ORDER BY created_at DESC LIMIT ?").params(org.value(), limit).query(String.class).list().stream().map(b -> json.readValue(b, Lesson.class)).toList();
  }
}
