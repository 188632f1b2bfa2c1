package org.vividly.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.vividly.common.PublicUrl;

/**
 * The emails sign-in sends: invitations and password resets, rendered from Thymeleaf templates
 * ({@code templates/email/}). Links are built from the configured public address
 * ({@link PublicUrl}), never from the request that asked for the email. No mail server is
 * configured yet, so the rendered message's link is written to the server log, where the
 * administrator of an offline installation can pass it on.
 */
@Component
public class Emails {

  private static final Logger log = LoggerFactory.getLogger(Emails.class);
  private final ITemplateEngine templates;
  private final PublicUrl publicUrl;

  Emails(ITemplateEngine templates, PublicUrl publicUrl) {
    this.templates = templates;
    this.publicUrl = publicUrl;
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
    return compose(account, "email/password-reset", "Reset your Vividly password", passwordResetLink(token), new Context());
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
    return compose(account, "email/invitation", "You are invited to Vividly", invitationLink(token), context);
  }

  private String compose(Account account, String template, String subject, String link, Context context) {
    context.setVariable("name", account.displayName());
    context.setVariable("email", account.email());
    context.setVariable("link", link);
    String html = templates.process(template, context);
    log.info("Email to {} ({}): {} [no mail server configured; pass the link on]", account.email(), subject, link);
    return html;
  }
}
