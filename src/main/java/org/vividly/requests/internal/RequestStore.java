package org.vividly.requests.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vividly.common.ChangeSignals;
import org.vividly.requests.ContentRequestCommand;
import org.vividly.requests.Modality;
import org.vividly.requests.ModalityUsage;
import org.vividly.requests.Stage;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Visibility;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code content_request} and {@code content_request_stage} tables, always per organization. */
@Repository
public class RequestStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  RequestStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A stored request. */
  public record Row(
      UUID id, OrganizationId organization, UUID lessonId, String question, int grade, List<String> interests, List<String> modalities, String preferred,
      String textLanguage, String audioLanguage, int resolution, double voiceRate, String status, String currentStage, Map<String, String> outcomes,
      List<String> formats, String error, Instant createdAt, Instant completedAt) {

    boolean wants(Modality m) {
      return modalities.contains(m.key());
    }

    public boolean finished() {
      return "completed".equals(status) || "failed".equals(status);
    }
  }

  /** A stored stage. */
  public record StageRow(Stage stage, String status, Instant startedAt, Instant endedAt, Long durationMs, int attempts, String error, StageUsage usage, BigDecimal costUsd) {}

  public void insert(OrganizationId org, UUID owner, UUID id, ContentRequestCommand c, List<Stage> stages) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    c.modalities().forEach(m -> outcomes.put(m.key(), "pending"));
    jdbc.sql("""
        INSERT INTO content_request (id, organization_id, owner_id, question, grade, interests, modalities, preferred_modality, text_language, audio_language, resolution, voice_rate, status, current_stage, outcomes)
        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, 'received', 'received', ?::jsonb)""")
        .params(id, org.value(), owner, c.lesson().question(), c.lesson().grade(), json.writeValueAsString(c.lesson().interests()), json.writeValueAsString(c.modalities().stream().map(Modality::key).toList()),
            c.preferred().key(), c.textLanguage(), c.audioLanguage(), c.resolution(), c.voiceRate(), json.writeValueAsString(outcomes))
        .update();
    for (Stage s : stages) {
      jdbc.sql("INSERT INTO content_request_stage (request_id, stage, modality, status) VALUES (?, ?, ?, 'pending')").params(id, s.key(), s.modality.key()).update();
    }
  }

  public void setLesson(UUID id, UUID lessonId) {
    jdbc.sql("UPDATE content_request SET lesson_id = ?, updated_at = now() WHERE id = ?").params(lessonId, id).update();
  }

  void startStage(UUID id, Stage stage) {
    jdbc.sql("UPDATE content_request_stage SET status = 'running', started_at = now(), ended_at = NULL, duration_ms = NULL, attempts = attempts + 1, error = NULL WHERE request_id = ? AND stage = ?").params(id, stage.key()).update();
    jdbc.sql("UPDATE content_request SET status = 'running', current_stage = ?, updated_at = now() WHERE id = ?").params(stage.key(), id).update();
    ChangeSignals.signal("request:" + id);
  }

  /** Records a finished attempt; usage and cost replace those of earlier attempts, never add to them. */
  void completeStage(UUID id, Stage stage, long durationMs, StageUsage u, BigDecimal cost) {
    jdbc.sql("""
        UPDATE content_request_stage SET status = 'completed', ended_at = now(), duration_ms = ?, error = NULL, cpu_seconds = ?, audio_seconds = ?, video_seconds = ?,
          llm_tokens = ?, peak_rss_kb = ?, bytes_out = ?, cost_usd = ? WHERE request_id = ? AND stage = ?""")
        .params(durationMs, u.cpuSeconds(), u.audioSeconds(), u.videoSeconds(), u.llmTokens(), u.peakRssKb(), u.bytesOut(), cost, id, stage.key())
        .update();
    ChangeSignals.signal("request:" + id);
  }

  /** Records a stage that ran before the request row's clock, such as retrieval, with its own times. */
  void recordStage(UUID id, Stage stage, Instant start, long durationMs, StageUsage u, BigDecimal cost) {
    jdbc.sql("UPDATE content_request_stage SET started_at = ?, attempts = 1 WHERE request_id = ? AND stage = ?").params(Timestamp.from(start), id, stage.key()).update();
    completeStage(id, stage, durationMs, u, cost);
  }

  void failStage(UUID id, Stage stage, long durationMs, String error) {
    jdbc.sql("UPDATE content_request_stage SET status = 'failed', ended_at = now(), duration_ms = ?, error = ? WHERE request_id = ? AND stage = ?").params(durationMs, error, id, stage.key()).update();
    ChangeSignals.signal("request:" + id);
  }

  void skipStages(UUID id, Modality modality) {
    jdbc.sql("UPDATE content_request_stage SET status = 'skipped' WHERE request_id = ? AND modality = ? AND status IN ('pending', 'failed')").params(id, modality.key()).update();
    ChangeSignals.signal("request:" + id);
  }

  void setOutcome(UUID id, Modality modality, String outcome) {
    jdbc.sql("UPDATE content_request SET outcomes = jsonb_set(outcomes, ?::text[], to_jsonb(?::text)), updated_at = now() WHERE id = ?").params("{" + modality.key() + "}", outcome, id).update();
    ChangeSignals.signal("request:" + id);
  }

  void addFormat(UUID id, String name) {
    jdbc.sql("UPDATE content_request SET formats_produced = formats_produced || to_jsonb(?::text), updated_at = now() WHERE id = ? AND NOT formats_produced @> jsonb_build_array(?::text)")
        .params(name, id, name)
        .update();
  }

  void setError(UUID id, String error) {
    jdbc.sql("UPDATE content_request SET error = ?, updated_at = now() WHERE id = ?").params(error, id).update();
    ChangeSignals.signal("request:" + id);
  }

  void finish(UUID id, String status, String error) {
    jdbc.sql("UPDATE content_request SET status = ?, current_stage = NULL, error = ?, completed_at = now(), updated_at = now() WHERE id = ?").params(status, error, id).update();
    ChangeSignals.signal("request:" + id);
  }

  public Optional<Row> find(Visibility v, UUID id) {
    return jdbc.sql("SELECT * FROM content_request WHERE organization_id = ? AND id = ? AND (? OR owner_id = ANY(?))").params(v.organization().value(), id, v.everyone(), v.ownerArray()).query(this::row).optional();
  }

  /** Who asked, or empty for requests made without a person (benchmarks, older data). */
  public Optional<UUID> owner(UUID id) {
    return jdbc.sql("SELECT owner_id FROM content_request WHERE id = ?").param(id).query((rs, i) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional().flatMap(o -> o);
  }

  /** For the render worker, which gets only the id from the job table. */
  Optional<Row> find(UUID id) {
    return jdbc.sql("SELECT * FROM content_request WHERE id = ?").param(id).query(this::row).optional();
  }

  public List<Row> recent(Visibility v, int limit) {
    return jdbc.sql("SELECT * FROM content_request WHERE organization_id = ? AND (? OR owner_id = ANY(?)) ORDER BY created_at DESC LIMIT ?").params(v.organization().value(), v.everyone(), v.ownerArray(), limit).query(this::row).list();
  }

  /** Requests whose render has not finished, in any organization. */
  List<UUID> unfinishedRenders() {
    return jdbc.sql("SELECT id FROM content_request WHERE status IN ('received', 'running') AND (modalities @> '[\"audio\"]' OR modalities @> '[\"video\"]')").query(UUID.class).list();
  }

  public List<StageRow> stages(UUID id) {
    return jdbc.sql("SELECT * FROM content_request_stage WHERE request_id = ?").param(id).query((rs, n) -> new StageRow(
        Stage.parse(rs.getString("stage")), rs.getString("status"), instant(rs, "started_at"), instant(rs, "ended_at"), (Long) rs.getObject("duration_ms"), rs.getInt("attempts"), rs.getString("error"),
        new StageUsage(rs.getDouble("cpu_seconds"), rs.getDouble("audio_seconds"), rs.getDouble("video_seconds"), rs.getInt("llm_tokens"), rs.getLong("peak_rss_kb"), rs.getLong("bytes_out")),
        rs.getBigDecimal("cost_usd"))).list().stream().sorted(java.util.Comparator.comparing(StageRow::stage)).toList();
  }

  boolean delete(OrganizationId org, UUID id) {
    return jdbc.sql("DELETE FROM content_request WHERE organization_id = ? AND id = ?").params(org.value(), id).update() == 1;
  }

  public List<ModalityUsage> usage(OrganizationId org) {
    return jdbc.sql("SELECT modality, requests, succeeded, failed, avg_generation_ms, cost_usd FROM modality_usage_summary WHERE organization_id = ? ORDER BY modality")
        .param(org.value())
        .query((rs, n) -> {
          long ok = rs.getLong("succeeded");
          long failed = rs.getLong("failed");
          Double avg = rs.getObject("avg_generation_ms") == null ? null : Math.round(rs.getDouble("avg_generation_ms") * 10) / 10.0;
          return new ModalityUsage(rs.getString("modality"), rs.getLong("requests"), ok, failed, ok + failed == 0 ? null : ok / (double) (ok + failed), avg, rs.getBigDecimal("cost_usd"));
        })
        .list();
  }

  private Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class), new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getObject("lesson_id", UUID.class), rs.getString("question"), rs.getInt("grade"),
        json.readValue(rs.getString("interests"), new TypeReference<List<String>>() {}), json.readValue(rs.getString("modalities"), new TypeReference<List<String>>() {}),
        rs.getString("preferred_modality"), rs.getString("text_language"), rs.getString("audio_language"), rs.getInt("resolution"), rs.getDouble("voice_rate"), rs.getString("status"),
        rs.getString("current_stage"), json.readValue(rs.getString("outcomes"), new TypeReference<LinkedHashMap<String, String>>() {}),
        json.readValue(rs.getString("formats_produced"), new TypeReference<List<String>>() {}), rs.getString("error"), instant(rs, "created_at"), instant(rs, "completed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
