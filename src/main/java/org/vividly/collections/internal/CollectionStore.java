package org.vividly.collections.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vividly.collections.CollectionDetails;
import org.vividly.collections.CollectionRole;
import org.vividly.common.SecretTokens;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code collection}, {@code collection_member} and {@code collection_item} tables. Every query names the organization. */
@Repository
public class CollectionStore {

  /** A collection row with the asking member's role (null when they are not a member). */
  public record Row(UUID id, UUID ownerId, CollectionDetails details, boolean isDefault, CollectionRole role, int memberCount, java.time.Instant createdAt, java.time.Instant updatedAt) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  CollectionStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public UUID insert(OrganizationId org, UUID owner, CollectionDetails d, boolean isDefault) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO collection (id, organization_id, owner_id, name, description, instructor, subject, semester, tags, is_default) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")
        .params(id, org.value(), owner, d.name(), d.description(), d.instructor(), d.subject(), d.semester(), json.writeValueAsString(d.tags()), isDefault)
        .update();
    jdbc.sql("INSERT INTO collection_member (collection_id, user_id, role) VALUES (?, ?, 'owner')").params(id, owner).update();
    return id;
  }

  /** The owner's default collection, creating it the first time; safe when two requests race. */
  public UUID defaultCollection(OrganizationId org, UUID owner) {
    Optional<UUID> existing = jdbc.sql("SELECT id FROM collection WHERE organization_id = ? AND owner_id = ? AND is_default").params(org.value(), owner).query(UUID.class).optional();
    if (existing.isPresent()) return existing.get();
    UUID id = UUID.randomUUID();
    int inserted = jdbc.sql("INSERT INTO collection (id, organization_id, owner_id, name, is_default) VALUES (?, ?, ?, 'Uncategorized', true) ON CONFLICT (owner_id) WHERE is_default DO NOTHING")
        .params(id, org.value(), owner)
        .update();
    if (inserted == 1) {
      jdbc.sql("INSERT INTO collection_member (collection_id, user_id, role) VALUES (?, ?, 'owner')").params(id, owner).update();
      return id;
    }
    return jdbc.sql("SELECT id FROM collection WHERE organization_id = ? AND owner_id = ? AND is_default").params(org.value(), owner).query(UUID.class).single();
  }

  /** A membership through a link lasts while the link does. */
  private static final String ACTIVE = "(m.link_id IS NULL OR EXISTS (SELECT 1 FROM collection_link l WHERE l.id = m.link_id AND l.revoked_at IS NULL AND l.expires_at > now()))";

  private static final String SELECT =
      """
      SELECT c.*, m.role AS my_role, (SELECT count(*) FROM collection_member x WHERE x.collection_id = c.id) AS members
      FROM collection c LEFT JOIN collection_member m ON m.collection_id = c.id AND m.user_id = ? AND """ + ACTIVE + """
      WHERE c.organization_id = ?""";

  public Optional<Row> find(OrganizationId org, UUID user, UUID id) {
    return jdbc.sql(SELECT + " AND c.id = ?").params(user, org.value(), id).query(this::row).optional();
  }

  /** Collections the user is a member of, or every collection of the organization when {@code all}. */
  public List<Row> list(OrganizationId org, UUID user, boolean all) {
    return jdbc.sql(SELECT + (all ? "" : " AND m.role IS NOT NULL") + " ORDER BY c.is_default DESC, lower(c.name)").params(user, org.value()).query(this::row).list();
  }

  public void update(OrganizationId org, UUID id, CollectionDetails d) {
    jdbc.sql("UPDATE collection SET name = ?, description = ?, instructor = ?, subject = ?, semester = ?, tags = ?::jsonb, updated_at = now() WHERE organization_id = ? AND id = ?")
        .params(d.name(), d.description(), d.instructor(), d.subject(), d.semester(), json.writeValueAsString(d.tags()), org.value(), id)
        .update();
  }

  public void delete(OrganizationId org, UUID id) {
    jdbc.sql("DELETE FROM collection WHERE organization_id = ? AND id = ?").params(org.value(), id).update();
  }

  public List<UUID> items(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT i.source_id FROM collection_item i JOIN collection c ON c.id = i.collection_id WHERE c.organization_id = ? AND c.id = ? ORDER BY i.added_at DESC, i.source_id")
        .params(org.value(), id)
        .query(UUID.class)
        .list();
  }

  public Map<UUID, List<UUID>> items(OrganizationId org, List<UUID> ids) {
    Map<UUID, List<UUID>> out = new java.util.HashMap<>();
    if (ids.isEmpty()) return out;
    jdbc.sql("SELECT i.collection_id, i.source_id FROM collection_item i JOIN collection c ON c.id = i.collection_id WHERE c.organization_id = ? AND c.id = ANY(?) ORDER BY i.added_at DESC")
        .params(org.value(), ids.toArray(UUID[]::new))
        .query(rs -> {
          out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
        });
    return out;
  }

  public void addItem(UUID id, UUID sourceId) {
    jdbc.sql("INSERT INTO collection_item (collection_id, source_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(id, sourceId).update();
    jdbc.sql("UPDATE collection SET updated_at = now() WHERE id = ?").param(id).update();
  }

  public boolean removeItem(UUID id, UUID sourceId) {
    return jdbc.sql("DELETE FROM collection_item WHERE collection_id = ? AND source_id = ?").params(id, sourceId).update() > 0;
  }

  /** Members with their roles, owners first. */
  public List<Map.Entry<UUID, CollectionRole>> members(UUID id) {
    return jdbc.sql("SELECT user_id, role FROM collection_member m WHERE collection_id = ? AND " + ACTIVE + " ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, added_at")
        .param(id)
        .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), CollectionRole.of(rs.getString(2))))
        .list();
  }

  public void setMember(UUID id, UUID user, CollectionRole role) {
    jdbc.sql("INSERT INTO collection_member (collection_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (collection_id, user_id) DO UPDATE SET role = EXCLUDED.role, link_id = NULL")
        .params(id, user, role.code())
        .update();
  }

  /** A share link as its owner sees it. */
  public record Link(UUID id, UUID collectionId, java.time.Instant createdAt, java.time.Instant expiresAt, java.time.Instant revokedAt) {}

  /** Stores a link; answers the raw token, which is kept only as its hash. */
  public String createLink(OrganizationId org, UUID collectionId, UUID createdBy, java.time.Instant expiresAt) {
    String token = SecretTokens.random();
    jdbc.sql("INSERT INTO collection_link (id, collection_id, organization_id, token_hash, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), collectionId, org.value(), SecretTokens.hash(token), createdBy, java.sql.Timestamp.from(expiresAt))
        .update();
    return token;
  }

  public List<Link> links(UUID collectionId) {
    return jdbc.sql("SELECT id, collection_id, created_at, expires_at, revoked_at FROM collection_link WHERE collection_id = ? ORDER BY created_at DESC")
        .param(collectionId)
        .query((rs, i) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .list();
  }

  public boolean revokeLink(UUID collectionId, UUID linkId) {
    return jdbc.sql("UPDATE collection_link SET revoked_at = now() WHERE collection_id = ? AND id = ? AND revoked_at IS NULL").params(collectionId, linkId).update() > 0;
  }

  /** The valid (unexpired, unrevoked) link of this organization with this token. */
  public Optional<Link> activeLink(OrganizationId org, String token) {
    return jdbc.sql("SELECT id, collection_id, created_at, expires_at, revoked_at FROM collection_link WHERE organization_id = ? AND token_hash = ? AND revoked_at IS NULL AND expires_at > now()")
        .params(org.value(), SecretTokens.hash(token))
        .query((rs, i) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), null))
        .optional();
  }

  /** Makes the user a viewer through the link, unless they are a member already (a lapsed link membership is renewed). */
  public void joinByLink(UUID collectionId, UUID user, UUID linkId) {
    jdbc.sql("INSERT INTO collection_member (collection_id, user_id, role, link_id) VALUES (?, ?, 'viewer', ?) ON CONFLICT (collection_id, user_id) DO UPDATE SET link_id = EXCLUDED.link_id WHERE collection_member.link_id IS NOT NULL")
        .params(collectionId, user, linkId)
        .update();
  }

  public boolean removeMember(UUID id, UUID user) {
    return jdbc.sql("DELETE FROM collection_member WHERE collection_id = ? AND user_id = ?").params(id, user).update() > 0;
  }

  private Row row(ResultSet rs, int i) throws SQLException {
    String role = rs.getString("my_role");
    CollectionDetails details = new CollectionDetails(rs.getString("name"), rs.getString("description"), rs.getString("instructor"), rs.getString("subject"), rs.getString("semester"), json.readValue(rs.getString("tags"), new TypeReference<List<String>>() {}));
    return new Row(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), details, rs.getBoolean("is_default"), role == null ? null : CollectionRole.of(role), rs.getInt("members"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }
}
