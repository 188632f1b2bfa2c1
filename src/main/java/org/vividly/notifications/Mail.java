package org.vividly.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.notifications.internal.MailDeliveries;
import org.vividly.notifications.internal.PlainText;
import org.vividly.tenancy.Caller;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends emails through the outbox, shows the outbox to org admins and keeps each person's choice of
 * optional emails. See the package documentation for how a message travels.
 */
@Service
public class Mail {

  private static final Logger log = LoggerFactory.getLogger(Mail.class);
  private static final String COLUMNS = "id, kind, recipient, recipient_name, subject, status, attempts, last_error, links::text AS links, created_at, sent_at";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Mailer mailer;
  private final MailDeliveries deliveries;

  Mail(JdbcClient jdbc, JsonMapper json, Mailer mailer, MailDeliveries deliveries) {
    this.jdbc = jdbc;
    this.json = json;
    this.mailer = mailer;
    this.deliveries = deliveries;
  }

  /**
   * Stores the email in the outbox, in the caller's transaction, and, with a mail server, queues its
   * delivery once that transaction commits.
   *
   * @return the message's id; empty when the recipient turned this kind of email off, or when a
   *     message with the same {@link Email#dedupeKey()} exists
   * @throws InvalidRequest when the address is not one
   */
  @Transactional
  public Optional<UUID> send(Email email) {
    if (email.kind().optional() && email.recipientUserId() != null && !wants(email.recipientUserId(), email.kind())) {
      log.debug("{} email to {} not sent: they turned it off", email.kind().code(), email.recipientUserId());
      return Optional.empty();
    }
    UUID id = UUID.randomUUID();
    String text = PlainText.of(email.html());
    List<String> links = PlainText.links(email.html());
    Mailer.Message message = new Mailer.Message(id, email.to().strip(), email.toName(), email.subject(), text, email.html());
    boolean sends = mailer.sends();
    try {
      // The outbox adapter keeps it (checking the address); a mail server gets it after the commit.
      if (sends) MailDeliveries.checkAddress(message.to());
      else mailer.deliver(message);
    } catch (MailNotDelivered e) {
      throw new InvalidRequest(e.getMessage());
    }
    int stored = jdbc.sql("INSERT INTO mail_message (id, organization_id, recipient_user_id, recipient, recipient_name, kind, subject, html_body, text_body, links, status, dedupe_key) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING")
        .params(id, email.organization().value(), email.recipientUserId(), message.to(), email.toName(), email.kind().code(), email.subject(), email.html(), text,
            json.writeValueAsString(links), sends ? "queued" : "outbox", email.dedupeKey())
        .update();
    if (stored == 0) return Optional.empty();
    if (sends) {
      deliveries.submitAfterCommit(id);
      log.info("Email {} ({}) to {} queued for the mail server", id, email.kind().code(), message.to());
    } else {
      log.info("Email {} ({}) to {} kept in the outbox: no mail server is configured (spring.mail.host); org admins pass its links on from the Outbox page", id, email.kind().code(), message.to());
    }
    return Optional.of(id);
  }

  /**
   * The organization's most recent emails, newest first.
   *
   * @param status only those in this status ({@code outbox}, {@code queued}, {@code sent}, {@code failed}), or null for all
   * @param limit 1 to 500
   * @throws Forbidden unless the caller is an admin
   */
  public List<OutboxMessage> outbox(Caller caller, String status, int limit) {
    requireAdmin(caller);
    if (status != null && !List.of("outbox", "queued", "sent", "failed").contains(status)) throw new InvalidRequest("Unknown status '" + status + "'; use outbox, queued, sent or failed");
    if (limit < 1 || limit > 500) throw new InvalidRequest("limit is from 1 to 500");
    return jdbc.sql("SELECT " + COLUMNS + ", NULL AS text_body FROM mail_message WHERE organization_id = ? AND (CAST(? AS text) IS NULL OR status = ?) ORDER BY created_at DESC, id LIMIT ?")
        .params(caller.organization().value(), status, status, limit)
        .query(this::message)
        .list();
  }

  /**
   * One email with its plain-text part.
   *
   * @throws Forbidden unless the caller is an admin
   * @throws NotFound when it is not one of the caller's organization
   */
  public OutboxMessage message(Caller caller, UUID id) {
    requireAdmin(caller);
    return jdbc.sql("SELECT " + COLUMNS + ", text_body FROM mail_message WHERE organization_id = ? AND id = ?")
        .params(caller.organization().value(), id)
        .query(this::message)
        .optional()
        .orElseThrow(() -> new NotFound("Email", id));
  }

  /**
   * Tries a failed email again (after fixing the mail server's settings, for example).
   *
   * @throws Forbidden unless the caller is an admin
   * @throws NotFound when it is not one of the caller's organization
   * @throws InvalidRequest when it did not fail, or there is no mail server to try
   */
  @Transactional
  public OutboxMessage retry(Caller caller, UUID id) {
    OutboxMessage current = message(caller, id);
    if (!current.status().equals("failed")) throw new InvalidRequest("Only a failed email is tried again; this one is " + current.status());
    if (!mailer.sends()) throw new InvalidRequest("No mail server is configured (spring.mail.host): nothing can send it");
    jdbc.sql("UPDATE mail_message SET status = 'queued', attempts = 0, last_error = NULL WHERE id = ? AND status = 'failed'").param(id).update();
    deliveries.submitAfterCommit(id);
    return message(caller, id);
  }

  /** Whether the installation has a mail server; without one, emails stay in the outbox. */
  public boolean sendsMail() {
    return mailer.sends();
  }

  /** Whether the person wants emails of this kind: always for the kinds they cannot turn off. */
  public boolean wants(UUID userId, MailKind kind) {
    if (!kind.optional()) return true;
    return jdbc.sql("SELECT enabled FROM notification_preference WHERE user_id = ? AND kind = ?").params(userId, kind.code()).query(Boolean.class).optional().orElse(true);
  }

  /** The caller's choice for every kind they may turn off. */
  public Map<MailKind, Boolean> preferences(Caller caller) {
    Map<MailKind, Boolean> choices = new EnumMap<>(MailKind.class);
    for (MailKind kind : MailKind.values()) {
      if (kind.optional() && (kind != MailKind.BUDGET_ALERT || caller.role().isAdmin())) choices.put(kind, wants(caller.userId(), kind));
    }
    return choices;
  }

  /**
   * Turns an optional kind of email on or off for the caller.
   *
   * @throws InvalidRequest for a kind that cannot be turned off
   */
  @Transactional
  public Map<MailKind, Boolean> setPreference(Caller caller, MailKind kind, boolean enabled) {
    if (!kind.optional()) throw new InvalidRequest(kind.label() + " are always sent: they are needed to use the account");
    jdbc.sql("INSERT INTO notification_preference (user_id, kind, enabled) VALUES (?, ?, ?) ON CONFLICT (user_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled")
        .params(caller.userId(), kind.code(), enabled)
        .update();
    return preferences(caller);
  }

  private OutboxMessage message(ResultSet rs, int row) throws SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("recipient"), rs.getString("recipient_name"), rs.getString("subject"),
        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), json.readValue(rs.getString("links"), new TypeReference<List<String>>() {}),
        rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(), rs.getString("text_body"));
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.role().isAdmin()) throw new Forbidden("Only admins see the organization's emails");
  }
}
