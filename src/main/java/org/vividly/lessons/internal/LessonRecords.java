package org.vividly.lessons.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.privacy.OwnedTable;
import tools.jackson.databind.json.JsonMapper;

/** A person's lessons in the data rules: the question, grade, interests and the lesson composed for them. */
@Component
class LessonRecords extends OwnedTable {

  LessonRecords(JdbcClient jdbc, JsonMapper json) {
    super("lessons", jdbc, json, "lesson", "owner_id", "created_at", "t.id, t.question, t.grade, t.interests, t.in_library, t.body, t.created_at");
  }
}
