package org.vividly.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vividly.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Jobs on db-scheduler, on the real PostgreSQL: queued, run, and taken over from a server that died. */
class JobsIT extends IntegrationTest {

  @Autowired Jobs jobs;
  @Autowired JdbcClient jdbc;

  @Override
  protected String organization() {
    return "jobs-it";
  }

  @Test
  void aJobRunsOnItsQueueAndReportsThroughTheApi() {
    JobView job = jobs.submit(organizations.resolve(organization()).id(), "reindex", "search index", Map.of());
    assertThat(job.status()).isIn("queued", "running", "succeeded");
    JsonNode done = awaitJob(job.id().toString(), Duration.ofMinutes(2));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
    assertThat(done.path("attempts").asInt()).isEqualTo(1);
    assertThat(done.path("report").has("chunks")).isTrue();
    assertThat(jdbc.sql("SELECT count(*) FROM job_schedule_library WHERE task_instance = ?").param(job.id().toString()).query(Long.class).single()).as("the execution is gone once the job ended").isZero();
  }

  @Test
  void aJobWhoseServerDiedIsTakenOverAndRunsAgain() {
    UUID id = leftByAServerThatDied(1);
    JsonNode done = awaitJob(id.toString(), Duration.ofMinutes(2));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
    assertThat(done.path("attempts").asInt()).as("runs of the job").isEqualTo(2);
  }

  @Test
  void aJobThatKeepsKillingItsServerStopsBeingRetried() {
    UUID id = leftByAServerThatDied(3);
    JsonNode done = awaitJob(id.toString(), Duration.ofMinutes(2));
    assertThat(done.path("status").asString()).isEqualTo("failed");
    assertThat(done.path("error").asString()).contains("stopped 3 times");
  }

  /**
   * What a server that died mid-job leaves behind: its reindex job running after {@code attempts}
   * starts, its execution picked, no heartbeat for an hour.
   */
  private UUID leftByAServerThatDied(int attempts) {
    UUID org = organizations.resolve(organization()).id().value();
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO job (id, organization_id, kind, label, status, started_at, attempts, data) VALUES (?, ?, 'reindex', 'search index', 'running', now() - interval '1 hour', ?, '{}'::jsonb)").params(id, org, attempts).update();
    jdbc.sql("INSERT INTO job_schedule_library (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version) VALUES ('job', ?, now() - interval '1 hour', true, 'a-server-that-died', now() - interval '1 hour', 1)").param(id.toString()).update();
    return id;
  }

  @Test
  void aKindWithoutAHandlerIsRefusedBeforeAnythingIsStored() {
    long before = jdbc.sql("SELECT count(*) FROM job").query(Long.class).single();
    assertThatThrownBy(() -> jobs.submit(organizations.resolve(organization()).id(), "no-such-kind", "x", Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(jdbc.sql("SELECT count(*) FROM job").query(Long.class).single()).isEqualTo(before);
  }
}
