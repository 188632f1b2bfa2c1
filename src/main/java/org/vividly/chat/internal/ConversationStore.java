package org.vividly.chat.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.chat.ChatMessage;
import org.vividly.chat.Conversation;
import org.vividly.lessons.Lesson;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code conversation} and {@code chat_message} tables. Every query names the organization and the owner. */
@Repository
public class ConversationStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ConversationStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public UUID insert(OrganizationId org, UUID owner, String title, UUID collectionId, List<UUID> sourceIds) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO conversation (id, organization_id, owner_id, title, collection_id, source_ids) VALUES (?, ?, ?, ?, ?, ?::jsonb)")
        .params(id, org.value(), owner, title, collectionId, json.writeValueAsString(sourceIds))
        .update();
    return id;
  }

  private static final String SELECT = "SELECT c.*, (SELECT count(*) FROM chat_message m WHERE m.conversation_id = c.id) AS messages FROM conversation c WHERE c.organization_id = ? AND c.owner_id = ?";

  public Optional<Conversation> find(OrganizationId org, UUID owner, UUID id) {
    return jdbc.sql(SELECT + " AND c.id = ?").params(org.value(), owner, id).query(this::conversation).optional();
  }

  public List<Conversation> list(OrganizationId org, UUID owner, int limit) {
    return jdbc.sql(SELECT + " ORDER BY c.updated_at DESC LIMIT ?").params(org.value(), owner, limit).query(this::conversation).list();
  }

  public void rename(OrganizationId org, UUID owner, UUID id, String title) {
    jdbc.sql("UPDATE conversation SET title = ? WHERE organization_id = ? AND owner_id = ? AND id = ?").params(title, org.value(), owner, id).update();
  }

  public boolean delete(OrganizationId org, UUID owner, UUID id) {
    return jdbc.sql("DELETE FROM conversation WHERE organization_id = ? AND owner_id = ? AND id = ?").params(org.value(), owner, id).update() > 0;
  }

  /** The last {@code limit} messages, oldest first. */
  public List<ChatMessage> lastMessages(OrganizationId org, UUID id, int limit) {
    List<ChatMessage> newest = jdbc.sql("SELECT * FROM chat_message WHERE organization_id = ? AND conversation_id = ? ORDER BY ordinal DESC LIMIT ?").params(org.value(), id, limit).query(this::message).list();
    return newest.reversed();
  }

  public List<ChatMessage> messages(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT * FROM chat_message WHERE organization_id = ? AND conversation_id = ? ORDER BY ordinal").params(org.value(), id).query(this::message).list();
  }

  /** Stores a question and its answer together, at the conversation's next two positions. */
  @Transactional
  public List<ChatMessage> append(OrganizationId org, UUID id, ChatMessage question, ChatMessage answer) {
    // Lock the conversation so two questions at once take distinct positions.
    jdbc.sql("SELECT id FROM conversation WHERE id = ? FOR UPDATE").param(id).query(UUID.class).single();
    int next = jdbc.sql("SELECT coalesce(max(ordinal), 0) + 1 FROM chat_message WHERE conversation_id = ?").param(id).query(Integer.class).single();
    insert(org, id, next, question);
    insert(org, id, next + 1, answer);
    jdbc.sql("UPDATE conversation SET updated_at = now() WHERE id = ?").param(id).update();
    return List.of(withOrdinal(question, next), withOrdinal(answer, next + 1));
  }

  private void insert(OrganizationId org, UUID conversation, int ordinal, ChatMessage m) {
    jdbc.sql("""
            INSERT INTO chat_message (id, conversation_id, organization_id, ordinal, role, content, paragraphs, citations, in_library, composer, latency_ms, prompt_tokens, completion_tokens, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
        .params(m.id(), conversation, org.value(), ordinal, m.role(), m.content(), json.writeValueAsString(m.paragraphs()), json.writeValueAsString(m.citations()), m.inLibrary(), m.composer(), m.latencyMs(), m.promptTokens(), m.completionTokens(), java.sql.Timestamp.from(m.createdAt()))
        .update();
  }

  private static ChatMessage withOrdinal(ChatMessage m, int ordinal) {
    return new ChatMessage(m.id(), ordinal, m.role(), m.content(), m.paragraphs(), m.citations(), m.inLibrary(), m.composer(), m.latencyMs(), m.promptTokens(), m.completionTokens(), m.createdAt());
  }

  private Conversation conversation(ResultSet rs, int i) throws SQLException {
    return new Conversation(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("title"), rs.getObject("collection_id", UUID.class),
        json.readValue(rs.getString("source_ids"), new TypeReference<List<UUID>>() {}), rs.getInt("messages"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }

  private ChatMessage message(ResultSet rs, int i) throws SQLException {
    return new ChatMessage(rs.getObject("id", UUID.class), rs.getInt("ordinal"), rs.getString("role"), rs.getString("content"), json.readValue(rs.getString("paragraphs"), new TypeReference<List<Lesson.Paragraph>>() {}),
        json.readValue(rs.getString("citations"), new TypeReference<List<Lesson.CitedSource>>() {}), rs.getBoolean("in_library"), rs.getString("composer"),
        (Integer) rs.getObject("latency_ms"), (Integer) rs.getObject("prompt_tokens"), (Integer) rs.getObject("completion_tokens"), rs.getTimestamp("created_at").toInstant());
  }
}
