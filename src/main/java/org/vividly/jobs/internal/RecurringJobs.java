package org.vividly.jobs.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.vividly.jobs.RecurringJob;

/** Runs every module's {@link RecurringJob} on one db-scheduler (table {@code job_schedule_recurring}). */
@Component
class RecurringJobs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);

  private final DataSource dataSource;
  private final ObjectProvider<RecurringJob> jobs;
  private volatile Scheduler scheduler;

  RecurringJobs(DataSource dataSource, ObjectProvider<RecurringJob> jobs) {
    this.dataSource = dataSource;
    this.jobs = jobs;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) return;
    List<RecurringTask<Void>> tasks = jobs.stream().map(RecurringJobs::task).toList();
    if (tasks.isEmpty()) return;
    scheduler = Scheduler.create(dataSource).tableName("job_schedule_recurring").startTasks(tasks).threads(1).pollingInterval(Duration.ofSeconds(30)).shutdownMaxWait(Duration.ofSeconds(5)).build();
    scheduler.start();
  }

  private static RecurringTask<Void> task(RecurringJob job) {
    Schedule schedule = job.dailyAt() != null ? Schedules.daily(ZoneOffset.UTC, job.dailyAt()) : FixedDelay.of(job.every());
    return Tasks.recurring(job.name(), schedule).execute((instance, context) -> {
      try {
        job.run(Instant.now());
      } catch (RuntimeException e) {
        log.error("Recurring job {} failed; it runs again as scheduled", job.name(), e);
      }
    });
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
