package org.vividly.chat.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.privacy.OwnedTable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's conversations in the data rules, with their messages (which go with a deleted
 * conversation). Retention deletes a conversation last used before the cutoff.
 */
@Component
class ConversationRecords extends OwnedTable {

  ConversationRecords(JdbcClient jdbc, JsonMapper json) {
    super("conversations", jdbc, json, "conversation", "owner_id", "updated_at",
        "t.id, t.title, t.source_ids, t.created_at, t.updated_at, "
            + "(SELECT coalesce(json_agg(json_build_object('role', m.role, 'content', m.content, 'created_at', m.created_at) ORDER BY m.ordinal), '[]'::json) FROM chat_message m WHERE m.conversation_id = t.id) AS messages");
  }
}
