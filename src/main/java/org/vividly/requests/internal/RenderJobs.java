package org.vividly.requests.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
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
  private final Scheduler scheduler;
  private final RequestStore store;
  private volatile boolean running;

  RenderJobs(DataSource dataSource, RenderPipeline pipeline, RequestStore store, RequestsProperties properties) {
    this.store = store;
    this.task = Tasks.oneTime(TASK)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff()))
        .onDeadExecutionRevive()
        .execute((instance, context) -> pipeline.render(UUID.fromString(instance.getId()), context.getExecution().consecutiveFailures + 1, properties.maxAttempts()));
    this.scheduler = Scheduler.create(dataSource, task)
        .threads(properties.workers())
        .pollingInterval(properties.pollInterval())
        .heartbeatInterval(properties.heartbeat())
        .missedHeartbeatsLimit(properties.missedHeartbeats())
        .enableImmediateExecution()
        .shutdownMaxWait(Duration.ofSeconds(5))
        .build();
  }

  /** Queues the render of a request; queuing it twice runs it once. */
  void submit(UUID requestId) {
    scheduler.scheduleIfNotExists(task.instance(requestId.toString()), Instant.now());
  }

  void cancel(UUID requestId) {
    try {
      scheduler.cancel(task.instance(requestId.toString()));
    } catch (RuntimeException e) {
      // Nothing queued (already finished) or running right now; the pipeline stops at a deleted request.
    }
  }

  @Override
  public void start() {
    scheduler.start();
    running = true;
    // Requests whose job row was lost (for example a database restored from before it) still finish.
    for (UUID id : store.unfinishedRenders()) submit(id);
    log.info("Render jobs started");
  }

  @Override
  public void stop() {
    running = false;
    scheduler.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
