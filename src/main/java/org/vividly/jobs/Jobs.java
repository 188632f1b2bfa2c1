package org.vividly.jobs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.vividly.tenancy.OrganizationId;

/** Submits and looks up jobs. */
public interface Jobs {

  /**
   * Queues work. The job is stored before this returns; {@code work} runs later on the job worker.
   * A {@link JobFailed} or any other exception thrown by {@code work} fails the job with its
   * message.
   *
   * @param cleanup runs after the work, whatever its outcome (for example to delete an upload)
   */
  JobView submit(OrganizationId organization, String kind, String label, Consumer<JobProgress> work, Runnable cleanup);

  Optional<JobView> find(OrganizationId organization, UUID id);

  List<JobView> recent(OrganizationId organization, int limit);
}
