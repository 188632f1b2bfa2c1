package org.vividly.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * Work a module needs done on a schedule (retention, ending trials). Beans of this type are run by
 * the jobs module on db-scheduler: once per schedule however many servers share the database, and a
 * run missed while every server was down happens at the next start. Give either {@link #dailyAt}
 * or {@link #every}.
 */
public interface RecurringJob {

  /** A stable name, for example {@code data-retention}. */
  String name();

  /** The time of day (UTC) to run at, or null to run {@link #every} so often. */
  default LocalTime dailyAt() {
    return null;
  }

  /** How often to run when there is no time of day. */
  default Duration every() {
    return Duration.ofHours(1);
  }

  /** Does the work; an exception is logged and the next run comes as scheduled. */
  void run(Instant now);
}
