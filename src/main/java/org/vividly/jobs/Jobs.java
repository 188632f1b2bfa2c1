package org.vividly.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/**
 * Submits and looks up durable background jobs. A job is a row in the {@code job} table and an
 * execution on db-scheduler: it survives a restart or a crash of the server running it (another
 * server, or this one when it runs again, picks it up), and servers sharing a database share the
 * work without failing each other's jobs.
 */
public interface Jobs {

  /** Queue of library work: ingestion, reindexing, evaluations, benchmarks. */
  String LIBRARY = "library";
  /** Queue of media work: fetching and transcribing lecture recordings. */
  String MEDIA = "media";

  /**
   * Queues a job for the {@link JobHandler} of {@code kind}. The job is stored before this returns.
   *
   * @param data what the handler needs to run it again after a crash: ids, file paths, options (small
   *     strings, never the content itself)
   * @throws IllegalArgumentException when no handler takes {@code kind}
   */
  JobView submit(OrganizationId organization, String kind, String label, Map<String, String> data);

  Optional<JobView> find(OrganizationId organization, UUID id);

  List<JobView> recent(OrganizationId organization, int limit);
}
