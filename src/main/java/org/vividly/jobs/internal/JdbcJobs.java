package org.vividly.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PostConstruct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vividly.jobs.JobProgress;
import org.vividly.jobs.JobView;
import org.vividly.jobs.Jobs;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs in PostgreSQL, run on one worker thread. Progress lives in memory while a job runs and is
 * written to its row at most twice a second and at the end.
 *
 * <p>Jobs do not yet survive a restart: one that was running when the server stopped is marked
 * failed at the next start, with a message asking to run it again.
 */
@Service
class JdbcJobs implements Jobs, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JdbcJobs.class);
  private static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("job-worker").daemon().factory());
  private final Map<UUID, LiveJob> live = new ConcurrentHashMap<>();

  JdbcJobs(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Runs before any job can be submitted in this process, so it only sees jobs of a previous run. */
  @PostConstruct
  void failInterruptedJobs() {
    int n =
        jdbc.sql("UPDATE job SET status = 'failed', finished_at = now(), error = 'Interrupted by a server restart; run it again.' WHERE status IN ('queued', 'running')")
            .update();
    if (n > 0) log.warn("{} job(s) were interrupted by the last shutdown and are marked failed", n);
  }

  @Override
  public JobView submit(OrganizationId organization, String kind, String label, Consumer<JobProgress> work, Runnable cleanup) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO job (id, organization_id, kind, label, status) VALUES (?, ?, ?, ?, 'queued')")
        .params(id, organization.value(), kind, label)
        .update();
    LiveJob job = new LiveJob(id);
    live.put(id, job);
    worker.submit(() -> run(job, work, cleanup));
    return find(organization, id).orElseThrow();
  }

  private void run(LiveJob job, Consumer<JobProgress> work, Runnable cleanup) {
    jdbc.sql("UPDATE job SET status = 'running', started_at = now() WHERE id = ?").param(job.id).update();
    job.status = "running";
    try {
      work.accept(job);
      flush(job, "succeeded", null);
    } catch (RuntimeException | Error e) {
      // ClientMessages logs anything that is not a business failure, with the reference it shows.
      if (e instanceof org.vividly.common.VividlyException) log.warn("Job {} failed: {}", job.id, e.getMessage());
      String reason = org.vividly.common.ClientMessages.of(e, "Job " + job.id);
      flush(job, "failed", reason == null ? e.getClass().getSimpleName() : reason);
    } finally {
      live.remove(job.id);
      try {
        cleanup.run();
      } catch (RuntimeException e) {
        log.warn("Cleanup after job {} failed", job.id, e);
      }
    }
  }

  private void flush(LiveJob job, String status, String error) {
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
      return new JobView(id, rs.getString("kind"), rs.getString("label"), running.status, running.phase, running.sectionsTotal, running.sectionsDone, running.chunksTotal, running.chunksDone, running.report, null, created, started, null, seconds);
    }
    Map<String, Object> report = json.readValue(rs.getString("report"), new TypeReference<Map<String, Object>>() {});
    return new JobView(id, rs.getString("kind"), rs.getString("label"), rs.getString("status"), null, rs.getInt("sections_total"), rs.getInt("sections_done"), rs.getInt("chunks_total"), rs.getInt("chunks_done"), report, rs.getString("error"), created, started, finished, seconds);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  /** Progress of a running job, shared between the worker and API readers. */
  private final class LiveJob implements JobProgress {
    final UUID id;
    volatile String status = "queued";
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
    }

    @Override
    public void report(Map<String, Object> report) {
      this.report = Map.copyOf(report);
    }

    private void maybeFlush() {
      long now = System.nanoTime();
      if (now - lastFlush > FLUSH_INTERVAL.toNanos()) {
        lastFlush = now;
        flush(this, status, null);
      }
    }
  }
}
