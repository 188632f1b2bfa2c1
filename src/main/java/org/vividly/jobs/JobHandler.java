package org.vividly.jobs;

/**
 * Runs one kind of job. Handlers are Spring beans; {@link Jobs} finds them by {@link #kind()}.
 *
 * <p>A handler may run a job more than once: when the server running it dies, the job starts again
 * from its {@link Job#data()} on the next server that runs. It must be safe to run again (every
 * source is stored in one transaction, so a re-run redoes only what was not committed).
 */
public interface JobHandler {

  /** The kind of job, for example {@code ingestion}; shown by the API. */
  String kind();

  /** Which worker pool runs it: {@link Jobs#LIBRARY} or {@link Jobs#MEDIA}. */
  default String queue() {
    return Jobs.LIBRARY;
  }

  /**
   * Does the work, reporting progress. A {@link JobFailed} or any other exception fails the job with
   * its message; it is not retried.
   */
  void run(Job job, JobProgress progress);

  /**
   * Runs once the job has ended, succeeded or failed for good (not when its server died mid-run),
   * for example to delete the upload it read.
   */
  default void finished(Job job, boolean succeeded) {}
}
