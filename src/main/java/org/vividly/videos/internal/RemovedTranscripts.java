package org.vividly.videos.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vividly.sources.SourceDeleted;

/**
 * A video whose transcript was deleted from the library keeps its recording but no longer points
 * at the source (the event is replayed after a crash).
 */
@Component
class RemovedTranscripts {

  private final JdbcClient jdbc;

  RemovedTranscripts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(SourceDeleted event) {
    jdbc.sql("UPDATE video SET source_id = NULL WHERE organization_id = ? AND source_id = ?").params(event.organization().value(), event.sourceId()).update();
  }
}
