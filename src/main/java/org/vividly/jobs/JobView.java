package org.vividly.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the API shows it.
 *
 * @param status {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param seconds time from start to finish, or to now while running
 * @param attempts how many times it was started: more than 1 when a server stopped while running it
 *     and it ran again
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
    double seconds,
    int attempts) {

  public boolean finished() {
    return status.equals("succeeded") || status.equals("failed");
  }
}
