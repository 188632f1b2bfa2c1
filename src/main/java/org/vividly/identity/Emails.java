package org.vividly.identity;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.vividly.common.PublicUrl;
import org.vividly.notifications.Email;
import org.vividly.notifications.Mail;
import org.vividly.notifications.MailKind;

/**
 * The emails of accounts: invitations, password resets and welcome messages, rendered from Thymeleaf
 * templates ({@code templates/email/}) and sent through {@link Mail}, which keeps them in the outbox
 * when no mail server is configured. Links are built from the configured public address
 * ({@link PublicUrl}), never from the request that asked for the email.
 */
@Component
public class Emails {

  private final ITemplateEngine templates;
  private final PublicUrl publicUrl;
  private final Mail mail;

  Emails(ITemplateEngine templates, PublicUrl publicUrl, Mail mail) {
    this.templates = templates;
    this.publicUrl = publicUrl;
    this.mail = mail;
  }

  /** The page where the holder of a password-reset token chooses a new password. */
  public String passwordResetLink(String token) {
    return publicUrl.link("/password-reset/" + token);
  }

  /** The page where the holder of an invitation token accepts it. */
  public String invitationLink(String token) {
    return publicUrl.link("/invitations/" + token);
  }

  /**
   * Sends the link to reset a password.
   *
   * @param token the raw one-time token from {@link Accounts#requestPasswordReset}
   * @return the rendered HTML message
   */
  public String passwordReset(Account account, String token) {
    return compose(account, MailKind.PASSWORD_RESET, "email/password-reset", "Reset your Vividly password", passwordResetLink(token), new Context());
  }

  /**
   * Sends an invitation.
   *
   * @param token the raw one-time token from {@link Accounts#invite}
   * @return the rendered HTML message
   */
  public String invitation(Account account, String organization, String token) {
    Context context = new Context();
    context.setVariable("organization", organization);
    return compose(account, MailKind.INVITATION, "email/invitation", "You are invited to Vividly", invitationLink(token), context);
  }

  /**
   * Welcomes a teacher or admin whose account was made with a password: what they can do and where
   * to sign in.
   *
   * @return the rendered HTML message
   */
  public String welcome(Account account, String organization) {
    Context context = new Context();
    context.setVariable("organization", organization);
    context.setVariable("role", account.role());
    return compose(account, MailKind.WELCOME, "email/welcome", "Welcome to Vividly", publicUrl.link("/login"), context);
  }

  private String compose(Account account, MailKind kind, String template, String subject, String link, Context context) {
    context.setVariable("name", account.displayName());
    context.setVariable("email", account.email());
    context.setVariable("link", link);
    context.setVariable("subject", subject);
    String html = templates.process(template, context);
    mail.send(new Email(account.organization(), account.id(), account.email(), account.displayName(), kind, subject, html, null));
    return html;
  }
}
