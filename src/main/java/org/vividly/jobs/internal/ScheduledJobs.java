package org.vividly.jobs.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vividly.common.ChangeSignals;
import org.vividly.common.ClientMessages;
import org.vividly.common.VividlyException;
import org.vividly.jobs.Job;
import org.vividly.jobs.JobHandler;
import org.vividly.jobs.JobProgress;
import org.vividly.jobs.JobView;
import org.vividly.jobs.Jobs;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs on db-scheduler (github.com/kagkarlsson/db-scheduler). Each queue has its own execution
 * table ({@code job_schedule_library}, {@code job_schedule_media}) and its own scheduler with its
 * own workers; an execution's instance id is the job's id, and the job row holds its kind and data.
 * A job whose server died (no heartbeat for {@code heartbeat x missedHeartbeats}) is revived by the
 * next scheduler that polls, here or on another server, and runs again from its data, up to
 * {@code maxAttempts} times. Progress lives in memory on the server running the job and is written
 * to its row at most twice a second and at the end.
 */
@Service
class ScheduledJobs implements Jobs, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);
  private static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final DataSource dataSource;
  private final JobsProperties properties;
  private final ObjectProvider<JobHandler> handlerBeans;
  private volatile Map<String, JobHandler> handlers;
  private final Map<String, Queue> queues = new LinkedHashMap<>();
  private final Map<UUID, LiveJob> live = new ConcurrentHashMap<>();

  /** One queue: its task, the client that schedules on it, and the scheduler while running. */
  private final class Queue {
    final String name;
    final int workers;
    final OneTimeTask<Void> task;
    final SchedulerClient client;
    volatile Scheduler scheduler;

    Queue(String name, int workers) {
      this.name = name;
      this.workers = workers;
      this.task = Tasks.oneTime("job").onDeadExecutionRevive().execute((instance, context) -> execute(UUID.fromString(instance.getId())));
      this.client = SchedulerClient.Builder.create(dataSource, task).tableName(table()).build();
    }

    String table() {
      return "job_schedule_" + name;
    }
  }

  /** Handlers are looked up when first needed: they depend on services that submit jobs. */
  ScheduledJobs(JdbcClient jdbc, JsonMapper json, DataSource dataSource, JobsProperties properties, ObjectProvider<JobHandler> handlers, io.micrometer.core.instrument.MeterRegistry meters) {
    this.jdbc = jdbc;
    this.json = json;
    this.dataSource = dataSource;
    this.properties = properties;
    queues.put(LIBRARY, new Queue(LIBRARY, properties.libraryWorkers()));
    queues.put(MEDIA, new Queue(MEDIA, properties.mediaWorkers()));
    this.handlerBeans = handlers;
    for (Queue q : queues.values()) {
      io.micrometer.core.instrument.Gauge.builder("vividly.jobs.waiting", () -> scheduled(q, false)).description("Jobs of this queue waiting for a worker, on all servers").tag("queue", q.name).register(meters);
      io.micrometer.core.instrument.Gauge.builder("vividly.jobs.running", () -> scheduled(q, true)).description("Jobs of this queue a worker has taken, on all servers").tag("queue", q.name).register(meters);
    }
  }

  /** Read from the queue's shared table when scraped; NaN while the database does not answer. */
  private double scheduled(Queue queue, boolean picked) {
    try {
      return jdbc.sql("SELECT count(*) FROM " + queue.table() + " WHERE picked = ?").param(picked).query(Long.class).single();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private JobHandler handler(String kind) {
    Map<String, JobHandler> byKind = handlers;
    if (byKind == null) {
      byKind = new HashMap<>();
      for (JobHandler h : handlerBeans) {
        if (!queues.containsKey(h.queue())) throw new IllegalStateException("Job kind " + h.kind() + " names an unknown queue: " + h.queue());
        JobHandler before = byKind.put(h.kind(), h);
        if (before != null) throw new IllegalStateException("Two handlers for job kind " + h.kind() + ": " + before.getClass().getName() + " and " + h.getClass().getName());
      }
      handlers = byKind;
    }
    return byKind.get(kind);
  }

  @Override
  public JobView submit(OrganizationId organization, String kind, String label, Map<String, String> data) {
    JobHandler handler = handler(kind);
    if (handler == null) throw new IllegalArgumentException("No handler for job kind " + kind);
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO job (id, organization_id, kind, label, status, data) VALUES (?, ?, ?, ?, 'queued', ?::jsonb)")
        .params(id, organization.value(), kind, label, json.writeValueAsString(data))
        .update();
    Queue queue = queues.get(handler.queue());
    try {
      queue.client.scheduleIfNotExists(queue.task.instance(id.toString()), Instant.now());
    } catch (RuntimeException e) {
      fail(id, "Could not queue the job: " + e.getMessage());
      throw e;
    }
    Scheduler s = queue.scheduler;
    // Wake this server's idle workers instead of waiting for the next poll.
    if (s != null) s.triggerCheckForDueExecutions();
    return find(organization, id).orElseThrow();
  }

  /** Runs a job on a worker of its queue. Throws only for a job this server is running already: the outcome is the job row's status. */
  private void execute(UUID id) {
    if (live.containsKey(id)) {
      // Taken for dead while this server still runs it (a stall longer than the heartbeat allows): do
      // not run it twice. Failing this execution keeps it scheduled (db-scheduler retries it later),
      // so the job is still looked after if this server dies before the running attempt ends.
      throw new IllegalStateException("Job " + id + " was revived while this server still runs it; the running attempt goes on");
    }
    Map<String, Object> row = jdbc.sql("UPDATE job SET status = 'running', started_at = coalesce(started_at, now()), attempts = attempts + 1 WHERE id = ? AND status IN ('queued', 'running') RETURNING organization_id, kind, label, data::text AS data, attempts")
        .param(id)
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .orElse(null);
    if (row == null) {
      boolean stored = jdbc.sql("SELECT count(*) FROM job WHERE id = ?").param(id).query(Long.class).single() > 0;
      // Queued by a transaction that has not committed yet: db-scheduler tries again later.
      if (!stored) throw new IllegalStateException("Job " + id + " is not stored yet");
      log.info("Job {} already finished; nothing to run", id);
      return;
    }
    Job job = new Job(id, new OrganizationId((UUID) row.get("organization_id")), (String) row.get("kind"), (String) row.get("label"), json.readValue((String) row.get("data"), new TypeReference<Map<String, String>>() {}), ((Number) row.get("attempts")).intValue());
    JobHandler handler = handler(job.kind());
    if (handler == null) {
      fail(id, "This server has no handler for jobs of kind " + job.kind() + ".");
      return;
    }
    if (job.attempt() > properties.maxAttempts()) {
      fail(id, "The server stopped " + (job.attempt() - 1) + " times while running this job; it was not run again.");
      finished(handler, job, false);
      return;
    }
    if (job.attempt() > 1) log.info("Job {} ({}) runs again, attempt {}: its server stopped while running it", id, job.kind(), job.attempt());
    LiveJob progress = new LiveJob(id);
    live.put(id, progress);
    boolean succeeded = false;
    try {
      handler.run(job, progress);
      flush(progress, "succeeded", null);
      succeeded = true;
    } catch (RuntimeException | Error e) {
      // ClientMessages logs anything that is not a business failure, with the reference it shows.
      if (e instanceof VividlyException) log.warn("Job {} failed: {}", id, e.getMessage());
      String reason = ClientMessages.of(e, "Job " + id);
      flush(progress, "failed", reason == null ? e.getClass().getSimpleName() : reason);
    } finally {
      live.remove(id);
    }
    finished(handler, job, succeeded);
  }

  private static void finished(JobHandler handler, Job job, boolean succeeded) {
    try {
      handler.finished(job, succeeded);
    } catch (RuntimeException e) {
      log.warn("Cleanup after job {} failed", job.id(), e);
    }
  }

  /** Fails a job that never ran its handler. */
  private void fail(UUID id, String error) {
    jdbc.sql("UPDATE job SET status = 'failed', error = ?, finished_at = now() WHERE id = ?").params(error, id).update();
  }

  private void flush(LiveJob job, String status, String error) {
    try {
      write(job, status, error);
    } finally {
      ChangeSignals.signal("job:" + job.id);
    }
  }

  private void write(LiveJob job, String status, String error) {
    jdbc.sql(
            """
            UPDATE job SET status = ?, sections_total = ?, sections_done = ?, chunks_total = ?, chunks_done = ?,
              report = ?::jsonb, error = ?, finished_at = CASE WHEN ? IN ('succeeded', 'failed') THEN now() END
            WHERE id = ?""")
        .params(status, job.sectionsTotal, job.sectionsDone, job.chunksTotal, job.chunksDone, json.writeValueAsString(job.report), error, status, job.id)
        .update();
  }

  @Override
  public Optional<JobView> find(OrganizationId organization, UUID id) {
    return jdbc.sql("SELECT * FROM job WHERE id = ? AND organization_id = ?").params(id, organization.value()).query(this::row).optional();
  }

  @Override
  public List<JobView> recent(OrganizationId organization, int limit) {
    return jdbc.sql("SELECT * FROM job WHERE organization_id = ? ORDER BY created_at DESC LIMIT ?").params(organization.value(), limit).query(this::row).list();
  }

  private JobView row(ResultSet rs, int i) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Instant created = instant(rs.getTimestamp("created_at"));
    Instant started = instant(rs.getTimestamp("started_at"));
    Instant finished = instant(rs.getTimestamp("finished_at"));
    double seconds = started == null ? 0 : Duration.between(started, finished == null ? Instant.now() : finished).toMillis() / 1000.0;
    LiveJob running = live.get(id);
    if (running != null && started != null) {
      return new JobView(id, rs.getString("kind"), rs.getString("label"), "running", running.phase, running.sectionsTotal, running.sectionsDone, running.chunksTotal, running.chunksDone, running.report, null, created, started, null, seconds, rs.getInt("attempts"));
    }
    Map<String, Object> report = json.readValue(rs.getString("report"), new TypeReference<Map<String, Object>>() {});
    return new JobView(id, rs.getString("kind"), rs.getString("label"), rs.getString("status"), null, rs.getInt("sections_total"), rs.getInt("sections_done"), rs.getInt("chunks_total"), rs.getInt("chunks_done"), report, rs.getString("error"), created, started, finished, seconds, rs.getInt("attempts"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** New schedulers each time: a stopped one cannot start again, and test contexts stop and restart. */
  @Override
  public synchronized void start() {
    for (Queue q : queues.values()) {
      if (q.scheduler != null || q.workers <= 0) continue;
      q.scheduler = Scheduler.create(dataSource, q.task)
          .tableName(q.table())
          .threads(q.workers)
          .pollingInterval(properties.pollInterval())
          .heartbeatInterval(properties.heartbeat())
          .missedHeartbeatsLimit(properties.missedHeartbeats())
          .enableImmediateExecution()
          .shutdownMaxWait(Duration.ofSeconds(5))
          .build();
      q.scheduler.start();
    }
    log.info("Job queues started: {} library and {} media worker(s)", properties.libraryWorkers(), properties.mediaWorkers());
  }

  @Override
  public synchronized void stop() {
    for (Queue q : queues.values()) {
      if (q.scheduler == null) continue;
      q.scheduler.stop();
      q.scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return queues.values().stream().anyMatch(q -> q.scheduler != null);
  }

  /** Progress of a running job, shared between the worker and API readers. */
  private final class LiveJob implements JobProgress {
    final UUID id;
    volatile String phase;
    volatile int sectionsTotal, sectionsDone, chunksTotal, chunksDone;
    volatile Map<String, Object> report = Map.of();
    private volatile long lastFlush = System.nanoTime();

    LiveJob(UUID id) {
      this.id = id;
    }

    @Override
    public void sectionsTotal(int total) {
      sectionsTotal = total;
      maybeFlush();
    }

    @Override
    public synchronized void sectionsDone(int delta) {
      sectionsDone += delta;
      maybeFlush();
    }

    @Override
    public void chunksTotal(int total) {
      chunksTotal = total;
      maybeFlush();
    }

    @Override
    public synchronized void chunksDone(int delta) {
      chunksDone += delta;
      maybeFlush();
    }

    @Override
    public void phase(String phase) {
      this.phase = phase;
      ChangeSignals.signal("job:" + id);
    }

    @Override
    public void report(Map<String, Object> report) {
      this.report = Map.copyOf(report);
    }

    private void maybeFlush() {
      long now = System.nanoTime();
      if (now - lastFlush > FLUSH_INTERVAL.toNanos()) {
        lastFlush = now;
        flush(this, "running", null);
      } else {
        ChangeSignals.signal("job:" + id);
      }
    }
  }
}
