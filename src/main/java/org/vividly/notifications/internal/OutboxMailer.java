package org.vividly.notifications.internal;

import org.vividly.notifications.Mailer;

/**
 * The embedded default: nothing leaves the server. A message checked here stays in the outbox,
 * where org admins read it and pass its links on, so an offline installation works with nothing
 * installed.
 */
class OutboxMailer implements Mailer {

  @Override
  public boolean sends() {
    return false;
  }

  @Override
  public Delivery deliver(Message message) {
    MailDeliveries.checkAddress(message.to());
    return Delivery.KEPT;
  }
}
