package org.vividly.sources.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vividly.jobs.Jobs;
import org.vividly.tenancy.Organizations;

/**
 * At start-up, rebuilds the search index from the database when the two disagree (the index folder
 * was deleted, restored from an older backup, or a crash hit between the database and index commits).
 */
@Component
class IndexRecovery {

  private static final Logger log = LoggerFactory.getLogger(IndexRecovery.class);
  private final Reindexer reindexer;
  private final Jobs jobs;
  private final Organizations organizations;

  IndexRecovery(Reindexer reindexer, Jobs jobs, Organizations organizations) {
    this.reindexer = reindexer;
    this.jobs = jobs;
    this.organizations = organizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuildWhenOutOfDate() {
    if (reindexer.indexOutOfDate()) {
      log.warn("The search index does not match the database; rebuilding it from the stored chunks and vectors");
      jobs.submit(organizations.defaultOrganization().id(), ReindexJob.KIND, "search index (recovery at start-up)", java.util.Map.of());
    }
  }
}
