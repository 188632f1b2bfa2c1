package org.vividly.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.vividly.notifications.MailNotDelivered;
import org.vividly.notifications.Mailer;

/**
 * Sends over SMTP through Spring's {@link JavaMailSender} (configured by {@code spring.mail.*}) as
 * {@code multipart/alternative} with a plain-text and an HTML part. A reply code of 5xx from the
 * server (RFC 5321 section 4.2.1: permanent negative completion) is a permanent failure; anything
 * else (4xx, a refused or dropped connection, a failed sign-in to the server) may pass and is tried
 * again.
 */
class SmtpMailer implements Mailer {

  private final JavaMailSender sender;
  private final InternetAddress from;

  SmtpMailer(JavaMailSender sender, String from) {
    this.sender = sender;
    try {
      this.from = new InternetAddress(from, true);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("vividly.mail.from is not an email address: " + from, e);
    }
  }

  @Override
  public boolean sends() {
    return true;
  }

  @Override
  public Delivery deliver(Message message) {
    MailDeliveries.checkAddress(message.to());
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(message.toName() == null ? new InternetAddress(message.to()) : new InternetAddress(message.to(), message.toName(), StandardCharsets.UTF_8.name()));
      helper.setSubject(message.subject());
      helper.setText(message.text(), message.html());
      mime.setHeader("X-Vividly-Message", message.id().toString());
      sender.send(mime);
      return Delivery.SENT;
    } catch (MessagingException | UnsupportedEncodingException | MailParseException | MailPreparationException e) {
      throw new MailNotDelivered("The message could not be written: " + e.getMessage(), true, e);
    } catch (MailAuthenticationException e) {
      throw new MailNotDelivered("The mail server refused Vividly's sign-in (check spring.mail.username and password): " + e.getMessage(), false, e);
    } catch (MailSendException e) {
      boolean permanent = e.getFailedMessages().values().stream().anyMatch(SmtpMailer::refusedForGood);
      Exception first = e.getFailedMessages().values().stream().findFirst().orElse(e);
      throw new MailNotDelivered((permanent ? "The mail server refused the message: " : "The mail server could not be reached or asked to try later: ") + reason(first), permanent, e);
    } catch (MailException e) {
      throw new MailNotDelivered("The mail server could not be reached: " + e.getMessage(), false, e);
    }
  }

  /** 5xx reply codes, and addresses the server called invalid. */
  private static boolean refusedForGood(Exception failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) return true;
      if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) return true;
      if (t instanceof SendFailedException s) {
        Exception next = s.getNextException();
        if (next != null && next != t && refusedForGood(next)) return true;
      }
    }
    return false;
  }

  private static String reason(Throwable failure) {
    Throwable deepest = failure;
    while (deepest.getCause() != null && deepest.getCause() != deepest) deepest = deepest.getCause();
    String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
    return message.strip();
  }
}
