package org.vividly.chat.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vividly.collections.CollectionDeleted;

/**
 * A deleted collection no longer scopes the conversations held over it; they keep the sources they
 * started with (the event is replayed after a crash).
 */
@Component
class ConversationCollectionsRemoved {

  private final JdbcClient jdbc;

  ConversationCollectionsRemoved(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(CollectionDeleted event) {
    jdbc.sql("UPDATE conversation SET collection_id = NULL WHERE organization_id = ? AND collection_id = ?")
        .params(event.organization().value(), event.collectionId())
        .update();
  }
}
