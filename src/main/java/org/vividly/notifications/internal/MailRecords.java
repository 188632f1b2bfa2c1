package org.vividly.notifications.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.privacy.OwnedTable;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

/** The emails sent to a person, and their notification choices, in the data rules. */
@Component
class MailRecords extends OwnedTable {

  MailRecords(JdbcClient jdbc, JsonMapper json) {
    super("emails", jdbc, json, "mail_message", "recipient_user_id", "created_at", "t.kind, t.recipient, t.subject, t.status, t.text_body, t.created_at, t.sent_at");
  }

  @Override
  public int erase(OrganizationId organization, UUID person) {
    jdbc().sql("DELETE FROM notification_preference WHERE user_id = ?").param(person).update();
    return super.erase(organization, person);
  }
}
