package org.vividly.lessons.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vividly.lessons.Lesson;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Visibility;
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

  public void save(OrganizationId org, UUID owner, Lesson lesson) {
    jdbc.sql("INSERT INTO lesson (id, organization_id, owner_id, question, grade, interests, in_library, composer, body, latency_ms) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?)")
        .params(lesson.id(), org.value(), owner, lesson.question(), lesson.grade(), json.writeValueAsString(lesson.interests()), lesson.inLibrary(), lesson.composer(), json.writeValueAsString(lesson), (int) lesson.latencyMs())
        .update();
  }

  public Optional<Lesson> find(Visibility v, UUID id) {
    return jdbc.sql("SELECT body FROM lesson WHERE organization_id = ? AND id = ? AND (? OR owner_id = ANY(?))").params(v.organization().value(), id, v.everyone(), v.ownerArray()).query(String.class).optional().map(b -> json.readValue(b, Lesson.class));
  }

  public List<Lesson> recent(Visibility v, int limit) {
    return jdbc.sql("SELECT body FROM lesson WHERE organization_id = ? AND (? OR owner_id = ANY(?)) ORDER BY created_at DESC LIMIT ?").params(v.organization().value(), v.everyone(), v.ownerArray(), limit).query(String.class).list().stream().map(b -> json.readValue(b, Lesson.class)).toList();
  }
}
