package org.vividly.chat.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vividly.sources.SourceDeleted;

/** A deleted source leaves the conversations that talked about it (the event is replayed after a crash). */
@Component
class ConversationSourcesRemoved {

  private final JdbcClient jdbc;

  ConversationSourcesRemoved(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(SourceDeleted event) {
    jdbc.sql("UPDATE conversation SET source_ids = source_ids - ?::text WHERE organization_id = ? AND source_ids @> jsonb_build_array(?::text)")
        .params(event.sourceId().toString(), event.organization().value(), event.sourceId().toString())
        .update();
  }
}
