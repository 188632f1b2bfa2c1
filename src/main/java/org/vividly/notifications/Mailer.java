package org.vividly.notifications;

/**
 * The port that hands a message to the mail system. The embedded adapter keeps messages in the
 * outbox; the SMTP adapter sends them. Both pass {@code MailerContract}.
 */
public interface Mailer {

  /** What became of a message handed to {@link #deliver}. */
  enum Delivery {
    /** Accepted by a mail server for delivery. */
    SENT,
    /** No mail server: kept in the outbox for an admin to pass on. */
    KEPT
  }

  /**
   * A message as it goes out.
   *
   * @param id the outbox message's id, used in the {@code Message-ID} header
   * @param to the recipient's address
   * @param toName the recipient's display name, or null
   * @param text the plain-text part
   * @param html the HTML part
   */
  record Message(java.util.UUID id, String to, String toName, String subject, String text, String html) {}

  /** Whether {@link #deliver} sends messages out of the server ({@code false} for the outbox). */
  boolean sends();

  /**
   * Hands the message over.
   *
   * @throws MailNotDelivered when it could not be: {@link MailNotDelivered#permanent()} when trying
   *     again cannot help (a malformed or refused address)
   */
  Delivery deliver(Message message);
}
