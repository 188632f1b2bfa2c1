package org.vividly.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the API shows it.
 *
 * @param status {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param seconds time from start to finish, or to now while running
 */
public record JobView(
    UUID id,
    String kind,
    String label,
    String status,
    String phase,
    int sectionsTotal,
    int sectionsDone,
    int chunksTotal,
    int chunksDone,
    Map<String, Object> report,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    double seconds) {

  public boolean finished() {
    return status.equals("succeeded") || status.equals("failed");
  }
}
