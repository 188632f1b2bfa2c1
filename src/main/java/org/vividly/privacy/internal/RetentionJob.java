package org.vividly.privacy.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.vividly.privacy.StudentRecords;

/**
 * Runs retention every day at {@code vividly.privacy.retention-time} (UTC, default 02:30) on
 * db-scheduler (table {@code privacy_schedule}): one server runs it however many share the
 * database, and a run missed while every server was down happens at the next start.
 */
@Component
class RetentionJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final DataSource dataSource;
  private final RecurringTask<Void> task;
  private volatile Scheduler scheduler;

  RetentionJob(DataSource dataSource, StudentRecords records, @Value("${vividly.privacy.retention-time:02:30}") LocalTime at) {
    this.dataSource = dataSource;
    this.task = Tasks.recurring("data-retention", Schedules.daily(ZoneOffset.UTC, at))
        .execute((instance, context) -> log.info("Retention run: {}", records.applyRetention(Instant.now())));
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) return;
    scheduler = Scheduler.create(dataSource).tableName("privacy_schedule").startTasks(task).threads(1).pollingInterval(Duration.ofMinutes(1)).shutdownMaxWait(Duration.ofSeconds(5)).build();
    scheduler.start();
  }

  @Override
  public synchronized void stop() {
    Scheduler s = scheduler;
    scheduler = null;
    if (s != null) s.stop();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
