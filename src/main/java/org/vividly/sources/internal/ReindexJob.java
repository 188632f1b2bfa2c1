package org.vividly.sources.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.vividly.jobs.Job;
import org.vividly.jobs.JobHandler;
import org.vividly.jobs.JobProgress;

/** Rebuilds the whole search index from the chunks and vectors in the database; safe to run again. */
@Component
public class ReindexJob implements JobHandler {

  public static final String KIND = "reindex";

  private final Reindexer reindexer;

  ReindexJob(Reindexer reindexer) {
    this.reindexer = reindexer;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job, JobProgress progress) {
    progress.report(Map.of("chunks", reindexer.rebuild(progress)));
  }
}
