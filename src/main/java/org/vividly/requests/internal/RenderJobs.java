package org.vividly.requests.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Durable render jobs on db-scheduler: one row per request in {@code scheduled_tasks}, picked by
 * one worker at a time. A retriable failure reschedules the job with exponential backoff; a job
 * whose server died (no heartbeat for {@code heartbeat x missedHeartbeats}) is revived by the next
 * server that runs, which resumes at the first unfinished stage.
 */
@Component
class RenderJobs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RenderJobs.class);
  static final String TASK = "content-request-render";

  private final OneTimeTask<Void> task;
  private final DataSource dataSource;
  private final RequestsProperties properties;
  private final SchedulerClient client;
  private final RequestStore store;
  private volatile Scheduler scheduler;

  RenderJobs(DataSource dataSource, RenderPipeline pipeline, RequestStore store, RequestsProperties properties) {
    this.dataSource = dataSource;
    this.properties = properties;
    this.store = store;
    this.task = Tasks.oneTime(TASK)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff()))
        .onDeadExecutionRevive()
        .execute((instance, context) -> pipeline.render(UUID.fromString(instance.getId()), context.getExecution().consecutiveFailures + 1, properties.maxAttempts()));
    // Queuing works whether or not this server's workers run.
    this.client = SchedulerClient.Builder.create(dataSource, task).build();
  }

  /** Queues the render of a request; queuing it twice runs it once. */
  void submit(UUID requestId) {
    client.scheduleIfNotExists(task.instance(requestId.toString()), Instant.now());
    Scheduler s = scheduler;
    // Wake this server's idle workers instead of waiting for the next poll.
    if (s != null) s.triggerCheckForDueExecutions();
  }

  void cancel(UUID requestId) {
    try {
      client.cancel(task.instance(requestId.toString()));
    } catch (RuntimeException e) {
      // Nothing queued (already finished) or running right now; the pipeline stops at a deleted request.
    }
  }

  /** A new scheduler each time: a stopped one cannot start again, and test contexts stop and restart. */
  @Override
  public synchronized void start() {
    if (scheduler != null) return;
    scheduler = Scheduler.create(dataSource, task)
        .threads(properties.workers())
        .pollingInterval(properties.pollInterval())
        .heartbeatInterval(properties.heartbeat())
        .missedHeartbeatsLimit(properties.missedHeartbeats())
        .enableImmediateExecution()
        .shutdownMaxWait(Duration.ofSeconds(5))
        .build();
    scheduler.start();
    // Requests whose job row was lost (for example a database restored from before it) still finish.
    for (UUID id : store.unfinishedRenders()) submit(id);
    log.info("Render jobs started");
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) return;
    scheduler.stop();
    scheduler = null;
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
