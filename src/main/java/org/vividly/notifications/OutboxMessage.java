package org.vividly.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An email as an org admin sees it in the outbox.
 *
 * @param status {@code outbox} (no mail server: pass its links on), {@code queued} (waiting for the
 *     mail server), {@code sent} or {@code failed}
 * @param attempts deliveries tried so far
 * @param lastError why the last attempt failed, or null
 * @param links the message's links while it is undelivered; none once sent (they were for the recipient only)
 * @param text the plain-text part, in the detail view only (null in lists)
 */
public record OutboxMessage(UUID id, String kind, String recipient, String recipientName, String subject, String status, int attempts, String lastError,
    List<String> links, Instant createdAt, Instant sentAt, String text) {}
