package org.vividly.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.vividly.notifications.Mailer;

class OutboxMailerTests extends MailerContract {

  private final OutboxMailer mailer = new OutboxMailer();

  @Override
  protected Mailer mailer() {
    return mailer;
  }

  @Override
  protected void assertArrived(Mailer.Message message, Mailer.Delivery delivery) {
    assertThat(mailer.sends()).as("nothing leaves an offline server").isFalse();
    assertThat(delivery).isEqualTo(Mailer.Delivery.KEPT);
  }
}
