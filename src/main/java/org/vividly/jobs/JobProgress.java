package org.vividly.jobs;

import java.util.Map;

/** What running work reports about itself. Thread-safe; cheap to call per chunk. */
public interface JobProgress {

  void sectionsTotal(int total);

  void sectionsDone(int delta);

  void chunksTotal(int total);

  void chunksDone(int delta);

  /** Free-form counters or a text for the job's status line, for example {@code phase=embedding}. */
  void phase(String phase);

  /** The job's result, shown when it finishes; replaced on each call. */
  void report(Map<String, Object> report);
}
