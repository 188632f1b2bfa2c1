package org.vividly.chat.internal;

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

/**
 * A person's conversations in the data rules, with their messages. Retention deletes a
 * conversation once it was last used before the cutoff (its messages go with it).
 */
@Component
class ConversationRecords implements PersonalData {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ConversationRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public String name() {
    return "conversations";
  }

  @Override
  public List<Map<String, Object>> export(OrganizationId organization, UUID person) {
    return JsonRows.of(jdbc, json, """
        SELECT row_to_json(c)::text FROM (
          SELECT v.id, v.title, v.source_ids, v.created_at, v.updated_at,
                 (SELECT coalesce(json_agg(row_to_json(m) ORDER BY m.created_at), '[]'::json) FROM (SELECT role, content, created_at FROM chat_message WHERE conversation_id = v.id) m) AS messages
          FROM conversation v WHERE v.organization_id = ? AND v.owner_id = ? ORDER BY v.created_at) c""", organization.value(), person);
  }

  @Override
  public int erase(OrganizationId organization, UUID person) {
    return jdbc.sql("DELETE FROM conversation WHERE organization_id = ? AND owner_id = ?").params(organization.value(), person).update();
  }

  @Override
  public int eraseBefore(OrganizationId organization, Collection<UUID> people, Instant cutoff) {
    return jdbc.sql("DELETE FROM conversation WHERE organization_id = ? AND owner_id = ANY(?) AND updated_at < ?").params(organization.value(), people.toArray(UUID[]::new), java.sql.Timestamp.from(cutoff)).update();
  }
}
