package org.vividly.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.vividly.notifications.MailNotDelivered;
import org.vividly.notifications.Mailer;

/** The SMTP adapter against a real SMTP server (GreenMail) running in the test. */
class SmtpMailerIT extends MailerContract {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  private final SmtpMailer mailer = new SmtpMailer(sender(ServerSetupTest.SMTP.getPort()), "Vividly <no-reply@learn.example>");

  private static JavaMailSenderImpl sender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    return sender;
  }

  @Override
  protected Mailer mailer() {
    return mailer;
  }

  @Override
  protected void assertArrived(Mailer.Message message, Mailer.Delivery delivery) throws Exception {
    MimeMessage received = Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> {
          try {
            return message.id().toString().equals(m.getHeader("X-Vividly-Message", null));
          } catch (Exception e) {
            return false;
          }
        })
        .findFirst()
        .orElseThrow(() -> new AssertionError("GreenMail received no message " + message.id()));
    assertThat(received.getSubject()).isEqualTo(message.subject());
    InternetAddress to = (InternetAddress) received.getAllRecipients()[0];
    assertThat(to.getAddress()).isEqualTo(message.to());
    assertThat(to.getPersonal()).isEqualTo(message.toName());
    assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("no-reply@learn.example");
    // multipart/mixed > multipart/related > multipart/alternative (text, html), as MimeMessageHelper writes it.
    String body = GreenMailUtil.getWholeMessage(received);
    assertThat(body).contains("multipart/alternative").contains("text/plain").contains("text/html");
    Multipart alternative = alternative((Multipart) received.getContent());
    assertThat(alternative.getBodyPart(0).getContent().toString().replace("\r\n", "\n")).isEqualTo(message.text());
    assertThat(alternative.getBodyPart(1).getContent().toString()).isEqualTo(message.html());
  }

  private static Multipart alternative(Multipart part) throws Exception {
    if (part.getContentType().toLowerCase().startsWith("multipart/alternative")) return part;
    for (int i = 0; i < part.getCount(); i++) {
      if (part.getBodyPart(i).getContent() instanceof Multipart inner) {
        Multipart found = alternative(inner);
        if (found != null) return found;
      }
    }
    return null;
  }

  @Test
  void aServerThatDoesNotAnswerIsAFailureWorthTryingAgain() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    SmtpMailer unreachable = new SmtpMailer(sender(closed), "no-reply@learn.example");
    Mailer.Message message = new Mailer.Message(UUID.randomUUID(), "ada@school.example", null, "Hello", "text", "<p>html</p>");
    assertThatThrownBy(() -> unreachable.deliver(message)).isInstanceOfSatisfying(MailNotDelivered.class, e -> {
      assertThat(e.permanent()).isFalse();
      assertThat(e.getMessage()).contains("could not be reached");
    });
  }
}
