package org.vividly.sources.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vividly.retrieval.Citation;
import org.vividly.retrieval.IndexedChunk;
import org.vividly.sources.Passage;
import org.vividly.sources.SectionSummary;
import org.vividly.sources.SourceSummary;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Sources, sections and chunks (with their vectors) in PostgreSQL. Every query names the organization. */
@Repository
public class SourceStore {

  record StoredSection(UUID id, String hash) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final JsonMapper json;

  SourceStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
    this.jdbc = jdbc;
    this.template = template;
    this.json = json;
  }

  Optional<UUID> sourceId(OrganizationId org, String externalKey) {
    return jdbc.sql("SELECT id FROM source WHERE organization_id = ? AND external_key = ?").params(org.value(), externalKey).query(UUID.class).optional();
  }

  Map<String, StoredSection> sections(UUID sourceId) {
    Map<String, StoredSection> out = new HashMap<>();
    jdbc.sql("SELECT section_key, id, content_hash FROM section WHERE source_id = ?")
        .param(sourceId)
        .query(rs -> {
          out.put(rs.getString(1), new StoredSection(rs.getObject(2, UUID.class), rs.getString(3)));
        });
    return out;
  }

  /** A source, new or updated; whoever first added it stays its owner. */
  UUID upsertSource(OrganizationId org, UUID createdBy, ParsedSource source) {
    return jdbc.sql(
            """
            INSERT INTO source (id, organization_id, external_key, title, format, origin, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (organization_id, external_key)
            DO UPDATE SET title = EXCLUDED.title, format = EXCLUDED.format, origin = EXCLUDED.origin, updated_at = now()
            RETURNING id""")
        .params(UUID.randomUUID(), org.value(), source.externalKey(), source.title(), source.format(), source.origin(), createdBy)
        .query(UUID.class)
        .single();
  }

  void deleteSections(Collection<UUID> ids) {
    if (ids.isEmpty()) return;
    template.batchUpdate("DELETE FROM section WHERE id = ?", ids.stream().map(id -> new Object[] {id}).toList());
  }

  UUID insertSection(OrganizationId org, UUID sourceId, int ordinal, ParsedSection section, String hash) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO section (id, organization_id, source_id, ordinal, section_key, title, heading_path, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)")
        .params(id, org.value(), sourceId, ordinal, section.key(), section.title(), json.writeValueAsString(section.headingPath()), hash)
        .update();
    return id;
  }

  void reorderSections(Map<UUID, Integer> ordinals) {
    template.batchUpdate("UPDATE section SET ordinal = ? WHERE id = ?", ordinals.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
  }

  /** Stores chunks with their vectors; returns them as the index wants them, with their new ids. */
  List<IndexedChunk> insertChunks(
      OrganizationId org, UUID sourceId, String sourceTitle, UUID sectionId, String sectionKey, List<ChunkDraft> drafts, List<float[]> vectors, String model) {
    if (drafts.isEmpty()) return List.of();
    List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('chunk', 'id')) FROM generate_series(1, ?)").param(drafts.size()).query(Long.class).list();
    List<Object[]> rows = new ArrayList<>(drafts.size());
    List<IndexedChunk> indexed = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      ChunkDraft d = drafts.get(i);
      Map<String, Object> metadata = new java.util.LinkedHashMap<>();
      metadata.put("headingPath", d.headingPath());
      if (d.startSeconds() != null) {
        metadata.put("start", d.startSeconds());
        metadata.put("end", d.endSeconds());
        metadata.put("speakers", d.speakers());
      }
      rows.add(new Object[] {ids.get(i), org.value(), sourceId, sectionId, d.ordinal(), d.kind(), d.text(), d.tokens(), d.anchor(), json.writeValueAsString(metadata), toBytes(vectors.get(i)), model});
      indexed.add(new IndexedChunk(org, d.kind(), d.text(), new Citation(ids.get(i), sourceId, sourceTitle, sectionId, sectionKey, d.headingPath(), d.anchor(), d.startSeconds(), d.endSeconds()), vectors.get(i)));
    }
    template.batchUpdate(
        "INSERT INTO chunk (id, organization_id, source_id, section_id, ordinal, kind, text, token_count, anchor, metadata, embedding, embedding_model) OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
        rows);
    return indexed;
  }

  /** Every stored chunk of every organization, in id order, as the index wants them; for reindexing. */
  void forEachChunk(int batchSize, Consumer<List<StoredChunk>> batch) {
    long after = 0;
    while (true) {
      List<StoredChunk> chunks =
          jdbc.sql(
                  """
                  SELECT c.id, c.organization_id, c.kind, c.text, c.anchor, c.metadata, c.embedding, c.embedding_model,
                         s.id AS source_id, s.title, x.id AS section_id, x.section_key
                  FROM chunk c JOIN source s ON s.id = c.source_id JOIN section x ON x.id = c.section_id
                  WHERE c.id > ? ORDER BY c.id LIMIT ?""")
              .params(after, batchSize)
              .query(this::storedChunk)
              .list();
      if (chunks.isEmpty()) return;
      batch.accept(chunks);
      after = chunks.getLast().chunk().citation().passageId();
    }
  }

  record StoredChunk(IndexedChunk chunk, String model) {}

  /** The {@code chunk.metadata} document: heading path, and for transcript chunks the time span and speakers. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record ChunkMetadata(List<String> headingPath, Double start, Double end, List<String> speakers) {
    ChunkMetadata {
      headingPath = headingPath == null ? List.of() : headingPath;
      speakers = speakers == null ? List.of() : speakers;
    }
  }

  private StoredChunk storedChunk(ResultSet rs, int i) throws SQLException {
    ChunkMetadata metadata = json.readValue(rs.getString("metadata"), ChunkMetadata.class);
    Citation citation =
        new Citation(rs.getLong("id"), rs.getObject("source_id", UUID.class), rs.getString("title"), rs.getObject("section_id", UUID.class), rs.getString("section_key"), metadata.headingPath(), rs.getString("anchor"), metadata.start(), metadata.end());
    IndexedChunk chunk = new IndexedChunk(new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("kind"), rs.getString("text"), citation, fromBytes(rs.getBytes("embedding")));
    return new StoredChunk(chunk, rs.getString("embedding_model"));
  }

  void updateEmbedding(long chunkId, float[] vector, String model) {
    jdbc.sql("UPDATE chunk SET embedding = ?, embedding_model = ? WHERE id = ?").params(toBytes(vector), model, chunkId).update();
  }

  public int chunkCount() {
    return jdbc.sql("SELECT count(*) FROM chunk").query(Integer.class).single();
  }

  public List<SourceSummary> list(OrganizationId org) {
    return jdbc.sql("SELECT * FROM source_summary WHERE organization_id = ? ORDER BY title").param(org.value()).query(SourceStore::summary).list();
  }

  public Optional<SourceSummary> find(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT * FROM source_summary WHERE organization_id = ? AND id = ?").params(org.value(), id).query(SourceStore::summary).optional();
  }

  public List<SectionSummary> tableOfContents(OrganizationId org, UUID sourceId) {
    return jdbc.sql(
            """
            SELECT x.id, x.section_key, x.title, x.heading_path, (SELECT count(*) FROM chunk c WHERE c.section_id = x.id) AS chunks
            FROM section x WHERE x.organization_id = ? AND x.source_id = ? ORDER BY x.ordinal""")
        .params(org.value(), sourceId)
        .query((rs, i) -> new SectionSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), json.readValue(rs.getString(4), new TypeReference<List<String>>() {}), rs.getInt(5)))
        .list();
  }

  private static final String PASSAGE_SQL =
      """
      SELECT c.id, c.source_id, s.title, c.section_id, c.metadata, c.kind, c.text, c.anchor, c.token_count
      FROM chunk c JOIN source s ON s.id = c.source_id WHERE c.organization_id = ?""";

  public Optional<Passage> passage(OrganizationId org, long id) {
    return jdbc.sql(PASSAGE_SQL + " AND c.id = ?").params(org.value(), id).query(this::passage).optional();
  }

  /** A section's passages in reading order, in one query. */
  public List<Passage> passagesOfSection(OrganizationId org, UUID sectionId) {
    return jdbc.sql(PASSAGE_SQL + " AND c.section_id = ? ORDER BY c.ordinal").params(org.value(), sectionId).query(this::passage).list();
  }

  private Passage passage(ResultSet rs, int i) throws SQLException {
    ChunkMetadata metadata = json.readValue(rs.getString(5), ChunkMetadata.class);
    return new Passage(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class), metadata.headingPath(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), metadata.start(), metadata.end());
  }

  public List<String> embeddingTexts(OrganizationId org, UUID sourceId) {
    return jdbc.sql("SELECT metadata, text FROM chunk WHERE organization_id = ? AND source_id = ? ORDER BY id")
        .params(org.value(), sourceId)
        .query((rs, i) -> new ChunkDraft(0, "", rs.getString(2), 0, json.readValue(rs.getString(1), ChunkMetadata.class).headingPath(), null).embeddingText())
        .list();
  }

  /** Who added a source of the organization: empty when there is no such source, a null inside when no person did. */
  public Optional<Optional<UUID>> owner(OrganizationId org, UUID sourceId) {
    return createdBy("id = ?", org, sourceId);
  }

  /** Who added the source with this key: empty when there is none, a null inside when no person did. */
  Optional<Optional<UUID>> ownerByKey(OrganizationId org, String externalKey) {
    return createdBy("external_key = ?", org, externalKey);
  }

  /**
   * The one rule for changing a source: whoever added it, or an admin; a source nobody in
   * particular added (the demo library, an evaluation corpus) only an admin.
   */
  public static boolean mayChange(Caller caller, Optional<UUID> owner) {
    return caller.role().isAdmin() || owner.map(caller.userId()::equals).orElse(false);
  }

  private Optional<Optional<UUID>> createdBy(String condition, OrganizationId org, Object key) {
    return jdbc.sql("SELECT created_by FROM source WHERE organization_id = ? AND " + condition).params(org.value(), key).query((rs, i) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional();
  }

  public boolean delete(OrganizationId org, UUID sourceId) {
    return jdbc.sql("DELETE FROM source WHERE organization_id = ? AND id = ?").params(org.value(), sourceId).update() > 0;
  }

  private static SourceSummary summary(ResultSet rs, int i) throws SQLException {
    return new SourceSummary(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("format"), rs.getString("origin"), rs.getInt("section_count"), rs.getInt("chunk_count"), rs.getLong("token_count"), rs.getTimestamp("updated_at").toInstant());
  }

  static byte[] toBytes(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] fromBytes(byte[] bytes) {
    float[] vector = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
