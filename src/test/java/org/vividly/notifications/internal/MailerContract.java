package org.vividly.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vividly.notifications.MailNotDelivered;
import org.vividly.notifications.Mailer;

/**
 * What every {@link Mailer} adapter does: a well-formed message is accepted (and, where the adapter
 * sends, arrives whole: both parts, the subject and the recipient's name, non-ASCII included), and
 * a malformed address is refused for good, so the delivery job does not try it again.
 */
abstract class MailerContract {

  /** The adapter under test. */
  protected abstract Mailer mailer();

  /** Checks that {@code message}, answered by {@code delivery}, reached its recipient (or the outbox). */
  protected abstract void assertArrived(Mailer.Message message, Mailer.Delivery delivery) throws Exception;

  @Test
  void aMessageWithBothPartsArrivesWhole() throws Exception {
    Mailer.Message message = new Mailer.Message(UUID.randomUUID(), "zoe-" + UUID.randomUUID() + "@school.example", "Zoë Ólafsdóttir", "Réinitialiser ✓ your password",
        "Hello Zoë,\n\nChoose a new password <https://learn.example/password-reset/t0k3n>.\n", "<!DOCTYPE html><html><body><p>Hello Zoë,</p><p><a href=\"https://learn.example/password-reset/t0k3n\">Choose a new password</a>.</p></body></html>");
    Mailer.Delivery delivery = mailer().deliver(message);
    assertThat(delivery).isEqualTo(mailer().sends() ? Mailer.Delivery.SENT : Mailer.Delivery.KEPT);
    assertArrived(message, delivery);
  }

  @Test
  void aMalformedAddressIsRefusedForGood() {
    for (String address : new String[] {"not an address", "two@a.example, three@b.example", "", "Name <name@a.example>"}) {
      Mailer.Message message = new Mailer.Message(UUID.randomUUID(), address, null, "Subject", "text", "<p>html</p>");
      assertThatThrownBy(() -> mailer().deliver(message)).as(address).isInstanceOfSatisfying(MailNotDelivered.class, e -> assertThat(e.permanent()).isTrue());
    }
  }
}
