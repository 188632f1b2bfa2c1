package org.vividly.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The emails sign-in sends: invitations and password resets, rendered from Thymeleaf templates
 * ({@code templates/email/}). No mail server is configured yet, so the rendered message's link is
 * written to the server log, where the administrator of an offline installation can pass it on.
 */
@Component
public class Emails {

  private static final Logger log = LoggerFactory.getLogger(Emails.class);
  private final ITemplateEngine templates;

  Emails(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** @return the rendered HTML message */
  public String passwordReset(Account account, String link) {
    return compose(account, "email/password-reset", "Reset your Vividly password", link);
  }

  /** @return the rendered HTML message */
  public String invitation(Account account, String organization, String link) {
    Context context = new Context();
    context.setVariable("organization", organization);
    return compose(account, "email/invitation", "You are invited to Vividly", link, context);
  }

  private String compose(Account account, String template, String subject, String link) {
    return compose(account, template, subject, link, new Context());
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
