package org.vividly.privacy.internal;

import java.time.Instant;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vividly.jobs.RecurringJob;
import org.vividly.privacy.StudentRecords;

/** Retention every day at {@code vividly.privacy.retention-time} (UTC, default 02:30), on one server. */
@Component
class RetentionJob implements RecurringJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final StudentRecords records;
  private final LocalTime at;

  RetentionJob(StudentRecords records, @Value("${vividly.privacy.retention-time:02:30}") LocalTime at) {
    this.records = records;
    this.at = at;
  }

  @Override
  public String name() {
    return "data-retention";
  }

  @Override
  public LocalTime dailyAt() {
    return at;
  }

  @Override
  public void run(Instant now) {
    log.info("Retention run: {}", records.applyRetention(now));
  }
}
