package org.vividly.requests.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.media.MediaStore;
import org.vividly.media.StoredMedia;
import org.vividly.privacy.JsonRows;
import org.vividly.privacy.PersonalData;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

/** A person's content requests in the data rules: the questions they asked, with their stages and produced files. */
@Component
class RequestRecords implements PersonalData {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final RequestLifecycle lifecycle;
  private final MediaStore media;

  RequestRecords(JdbcClient jdbc, JsonMapper json, RequestLifecycle lifecycle, MediaStore media) {
    this.jdbc = jdbc;
    this.json = json;
    this.lifecycle = lifecycle;
    this.media = media;
  }

  @Override
  public String name() {
    return "requests";
  }

  @Override
  public List<Map<String, Object>> export(OrganizationId organization, UUID person) {
    return JsonRows.of(jdbc, json, """
        SELECT row_to_json(r)::text FROM (
          SELECT c.id, c.question, c.grade, c.interests, c.modalities, c.text_language, c.audio_language, c.status, c.outcomes, c.error, c.lesson_id, c.created_at, c.completed_at,
                 (SELECT coalesce(json_agg(json_build_object('stage', s.stage, 'status', s.status) ORDER BY s.stage), '[]'::json) FROM content_request_stage s WHERE s.request_id = c.id) AS stages
          FROM content_request c WHERE c.organization_id = ? AND c.owner_id = ? ORDER BY c.created_at) r""", organization.value(), person);
  }

  @Override
  public void exportFiles(OrganizationId organization, UUID person, Files files) throws IOException {
    for (UUID request : ids(organization, List.of(person), null)) {
      for (StoredMedia file : media.list(organization, request)) files.put(request + "/" + file.name(), media.resource(file).getInputStream());
    }
  }

  @Override
  public int erase(OrganizationId organization, UUID person) {
    return delete(organization, ids(organization, List.of(person), null));
  }

  @Override
  public int eraseBefore(OrganizationId organization, Collection<UUID> people, Instant cutoff) {
    return delete(organization, ids(organization, people, cutoff));
  }

  private List<UUID> ids(OrganizationId organization, Collection<UUID> people, Instant before) {
    return jdbc.sql("SELECT id FROM content_request WHERE organization_id = ? AND owner_id = ANY(?) AND (CAST(? AS timestamptz) IS NULL OR created_at < ?)")
        .params(organization.value(), people.toArray(UUID[]::new), before == null ? null : java.sql.Timestamp.from(before), before == null ? null : java.sql.Timestamp.from(before))
        .query(UUID.class)
        .list();
  }

  /** Each through the request lifecycle, which also cancels a queued render and deletes its files. */
  private int delete(OrganizationId organization, List<UUID> requests) {
    for (UUID id : requests) lifecycle.delete(organization, id);
    return requests.size();
  }
}
