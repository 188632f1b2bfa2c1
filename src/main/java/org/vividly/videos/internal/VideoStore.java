package org.vividly.videos.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vividly.common.ChangeSignals;
import org.vividly.tenancy.OrganizationId;
import org.vividly.videos.Video;
import org.vividly.videos.VideoStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code video} table. Every query names the organization. */
@Repository
public class VideoStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  VideoStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A new video row, before its job exists. */
  public record NewVideo(UUID id, UUID ownerId, UUID collectionId, String title, String origin, String mediaFile, String mediaType, boolean hasVideo, Double durationSeconds, String transcriptOrigin, String language, List<String> tags) {}

  public void insert(OrganizationId org, NewVideo v) {
    jdbc.sql(
            """
            INSERT INTO video (id, organization_id, owner_id, collection_id, title, origin, media_file, media_type, has_video, duration_seconds, transcript_origin, language, tags, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'queued')""")
        .params(v.id(), org.value(), v.ownerId(), v.collectionId(), v.title(), v.origin(), v.mediaFile(), v.mediaType(), v.hasVideo(), v.durationSeconds(), v.transcriptOrigin(), v.language(), json.writeValueAsString(v.tags()))
        .update();
  }

  public void job(OrganizationId org, UUID id, UUID jobId) {
    jdbc.sql("UPDATE video SET job_id = ? WHERE organization_id = ? AND id = ?").params(jobId, org.value(), id).update();
  }

  public void status(OrganizationId org, UUID id, VideoStatus status, double progress) {
    jdbc.sql("UPDATE video SET status = ?, progress = ? WHERE organization_id = ? AND id = ? AND status NOT IN ('ready', 'failed')").params(status.code(), progress, org.value(), id).update();
    signal(org, id);
  }

  public void fetched(OrganizationId org, UUID id, String title, String mediaFile, String mediaType, boolean hasVideo, Double duration, String transcriptOrigin) {
    jdbc.sql("UPDATE video SET title = ?, media_file = ?, media_type = ?, has_video = ?, duration_seconds = ?, transcript_origin = ? WHERE organization_id = ? AND id = ?")
        .params(title, mediaFile, mediaType, hasVideo, duration, transcriptOrigin, org.value(), id)
        .update();
    signal(org, id);
  }

  public void ready(OrganizationId org, UUID id, UUID sourceId, Double duration) {
    jdbc.sql("UPDATE video SET status = 'ready', progress = 1, source_id = ?, duration_seconds = coalesce(duration_seconds, ?), finished_at = now() WHERE organization_id = ? AND id = ?")
        .params(sourceId, duration, org.value(), id)
        .update();
    signal(org, id);
  }

  public void failed(OrganizationId org, UUID id, String error) {
    jdbc.sql("UPDATE video SET status = 'failed', error = ?, media_file = NULL, media_type = NULL, finished_at = now() WHERE organization_id = ? AND id = ?").params(error, org.value(), id).update();
    signal(org, id);
  }

  public void tags(OrganizationId org, UUID id, List<String> tags) {
    jdbc.sql("UPDATE video SET tags = ?::jsonb WHERE organization_id = ? AND id = ?").params(json.writeValueAsString(tags), org.value(), id).update();
  }

  public Optional<Video> find(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT * FROM video WHERE organization_id = ? AND id = ?").params(org.value(), id).query(this::video).optional();
  }

  public Optional<Video> findBySource(OrganizationId org, UUID sourceId) {
    return jdbc.sql("SELECT * FROM video WHERE organization_id = ? AND source_id = ?").params(org.value(), sourceId).query(this::video).optional();
  }

  /** The stored media file's path relative to the data folder, or empty. */
  public Optional<String> mediaFile(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT media_file FROM video WHERE organization_id = ? AND id = ? AND media_file IS NOT NULL").params(org.value(), id).query(String.class).optional();
  }

  /**
   * @param tag only videos with this tag, or null for all
   */
  public List<Video> list(OrganizationId org, String tag, int limit) {
    String tagJson = tag == null ? null : json.writeValueAsString(List.of(tag));
    return jdbc.sql("SELECT * FROM video WHERE organization_id = ? AND (CAST(? AS jsonb) IS NULL OR tags @> CAST(? AS jsonb)) ORDER BY created_at DESC LIMIT ?")
        .params(org.value(), tagJson, tagJson, limit)
        .query(this::video)
        .list();
  }

  public List<Video> withStatus(OrganizationId org, Collection<VideoStatus> statuses) {
    if (statuses.isEmpty()) return List.of();
    return jdbc.sql("SELECT * FROM video WHERE organization_id = ? AND status = ANY(?) ORDER BY created_at")
        .params(org.value(), statuses.stream().map(VideoStatus::code).toArray(String[]::new))
        .query(this::video)
        .list();
  }

  public boolean delete(OrganizationId org, UUID id) {
    return jdbc.sql("DELETE FROM video WHERE organization_id = ? AND id = ?").params(org.value(), id).update() > 0;
  }

  private Video video(ResultSet rs, int i) throws SQLException {
    double duration = rs.getDouble("duration_seconds");
    Double d = rs.wasNull() ? null : duration;
    Timestamp finished = rs.getTimestamp("finished_at");
    return new Video(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getObject("collection_id", UUID.class),
        rs.getObject("source_id", UUID.class),
        rs.getString("title"),
        rs.getString("origin"),
        rs.getString("media_type"),
        rs.getBoolean("has_video"),
        d,
        rs.getString("transcript_origin"),
        rs.getString("language"),
        json.readValue(rs.getString("tags"), new TypeReference<List<String>>() {}),
        VideoStatus.of(rs.getString("status")),
        rs.getDouble("progress"),
        rs.getString("error"),
        rs.getObject("job_id", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }

  /** Wakes the streams following this video and the organization's video list. */
  private static void signal(OrganizationId org, UUID id) {
    ChangeSignals.signal("video:" + id);
    ChangeSignals.signal("videos:" + org.value());
  }
}
