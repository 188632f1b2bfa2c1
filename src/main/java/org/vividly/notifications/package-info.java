/**
 * Notifications: the emails Vividly sends, and who wants which.
 *
 * <p>Every message is first stored in the outbox ({@code mail_message}), in the transaction of the
 * work that caused it, so an invitation and its email commit together or not at all. Delivery sits
 * behind the {@link org.vividly.notifications.Mailer} port:
 *
 * <ul>
 *   <li>embedded default ({@code OutboxMailer}): no mail server; the message stays in the outbox,
 *       where org admins read it on the Outbox page and at {@code GET /api/v1/outbox} and pass its
 *       links on;
 *   <li>SMTP ({@code SmtpMailer}, Spring Boot's {@code spring.mail.*}): a durable delivery job on
 *       db-scheduler hands the message (HTML and plain-text parts) to the server, retrying with
 *       exponential backoff; a refusal by the server (SMTP 5xx, RFC 5321 section 4.2.1) or the last
 *       failed attempt is recorded on the message for admins to see.
 * </ul>
 *
 * <p>Both adapters pass {@code MailerContract}. The links of a sent message are removed from the
 * stored copy, because they carry one-time tokens meant for the recipient alone.
 */
package org.vividly.notifications;
