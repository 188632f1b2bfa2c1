package org.vividly.notifications;

import java.util.Objects;
import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/**
 * An email to send. The plain-text part and the list of links are derived from {@code html}.
 *
 * @param organization the tenant whose admins see it in their outbox
 * @param recipientUserId the person it is for, or null for an address without an account
 * @param to the recipient's address (RFC 5322 addr-spec, for example {@code ada@school.org})
 * @param toName the recipient's name for the {@code To} header, or null
 * @param html the message as an HTML document; its absolute {@code http(s)} links are listed in the outbox
 * @param dedupeKey when not null, a second email with the same key is not stored (for events that
 *     may be handed to a listener twice)
 */
public record Email(OrganizationId organization, UUID recipientUserId, String to, String toName, MailKind kind, String subject, String html, String dedupeKey) {

  public Email {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(html, "html");
  }
}
