package org.vividly.notifications.internal;

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

/** The emails sent to a person, and their notification choices, in the data rules. */
@Component
class MailRecords implements PersonalData {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  MailRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public String name() {
    return "emails";
  }

  @Override
  public List<Map<String, Object>> export(OrganizationId organization, UUID person) {
    return JsonRows.of(jdbc, json, "SELECT row_to_json(m)::text FROM (SELECT kind, recipient, subject, status, text_body, created_at, sent_at FROM mail_message WHERE organization_id = ? AND recipient_user_id = ? ORDER BY created_at) m",
        organization.value(), person);
  }

  @Override
  public int erase(OrganizationId organization, UUID person) {
    jdbc.sql("DELETE FROM notification_preference WHERE user_id = ?").param(person).update();
    return jdbc.sql("DELETE FROM mail_message WHERE organization_id = ? AND recipient_user_id = ?").params(organization.value(), person).update();
  }

  @Override
  public int eraseBefore(OrganizationId organization, Collection<UUID> people, Instant cutoff) {
    return jdbc.sql("DELETE FROM mail_message WHERE organization_id = ? AND recipient_user_id = ANY(?) AND created_at < ? AND status <> 'queued'").params(organization.value(), people.toArray(UUID[]::new), java.sql.Timestamp.from(cutoff)).update();
  }
}
