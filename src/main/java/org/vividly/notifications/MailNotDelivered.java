package org.vividly.notifications;

/**
 * A message could not be handed to the mail system.
 *
 * @see Mailer#deliver
 */
public class MailNotDelivered extends RuntimeException {

  private final boolean permanent;

  public MailNotDelivered(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** True when trying again cannot help: the address is malformed or the server refused it (SMTP 5xx). */
  public boolean permanent() {
    return permanent;
  }
}
