package org.vividly.collections.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vividly.sources.SourceDeleted;

/** A deleted source leaves every collection it was filed in (the event is replayed after a crash). */
@Component
class CollectionSourcesRemoved {

  private final JdbcClient jdbc;

  CollectionSourcesRemoved(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(SourceDeleted event) {
    jdbc.sql("DELETE FROM collection_item i USING collection c WHERE c.id = i.collection_id AND c.organization_id = ? AND i.source_id = ?")
        .params(event.organization().value(), event.sourceId())
        .update();
  }
}
