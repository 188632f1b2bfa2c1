package org.vividly.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.vividly.requests.CostBudgetReached;
import org.vividly.support.ServerTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/**
 * Email through a real SMTP server (GreenMail) started by the test: invitations, resets and
 * welcomes arrive with an HTML and a plain-text part, their links work once, a message is tried
 * again until the server answers, the last failure is shown to admins, budget alerts reach the
 * admins who want them once, and the outbox is tenant-safe. A context of its own (it has a mail
 * server) with a database of its own, so no other context delivers its messages.
 */
// Closed after the class: its own server and database are used by no other test.
@org.springframework.test.annotation.DirtiesContext
class MailIT extends ServerTest {

  private static final int PORT = freePort();
  private static volatile GreenMail smtp = start();

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    // A database and data folder of its own: a second context on the shared folder could not open
    // the search index, and no other context may deliver its messages.
    org.vividly.support.OwnServer.register(registry, "mail");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "1000");
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
    registry.add("vividly.mail.from", () -> "Vividly <no-reply@mail-it.test>");
    registry.add("vividly.mail.retry-backoff", () -> "300ms");
    registry.add("vividly.mail.poll-interval", () -> "200ms");
    registry.add("vividly.mail.max-attempts", () -> "3");
  }

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired Mail mail;

  @Override
  protected String organization() {
    return "mail-it";
  }

  @AfterAll
  static void stopServer() {
    smtp.stop();
  }

  @Test
  void anInvitationArrivesWithBothPartsAndItsLinkWorksOnce() throws Exception {
    String email = "invited-" + System.nanoTime() + "@mail-it.test";
    HttpResponse<String> created = postJson("/api/v1/users", Map.of("email", email, "displayName", "Ada Lovelace", "role", "student"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    MimeMessage message = awaitReceived(email);
    assertThat(message.getSubject()).isEqualTo("You are invited to Vividly");
    assertThat(message.getFrom()[0].toString()).contains("no-reply@mail-it.test");
    String whole = GreenMailUtil.getWholeMessage(message);
    assertThat(whole).contains("text/plain").contains("text/html");
    String link = firstLink(whole, "/invitations/");
    assertThat(link).isEqualTo(json(created).path("invitationUrl").asString());

    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(call("GET", "/invitations/" + token, null, null).statusCode()).as("the emailed link opens the page").isEqualTo(200);
    HttpResponse<String> accepted = call("POST", "/api/v1/invitations/" + token + "/accept", Map.of("password", "a long enough password"), null);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    HttpResponse<String> again = call("POST", "/api/v1/invitations/" + token + "/accept", Map.of("password", "another long password"), null);
    assertThat(again.statusCode()).as("the link works once").isBetween(400, 499);

    JsonNode sent = awaitOutbox(email, m -> m.path("status").asString().equals("sent"));
    assertThat(sent.path("links").isEmpty()).as("the sent copy keeps no link: it carried the recipient's token").isTrue();
    JsonNode detail = json(get("/api/v1/outbox/" + sent.path("id").asString()));
    assertThat(detail.path("text").asString()).contains("Ada Lovelace").doesNotContain(token).contains("link removed");
  }

  @Test
  void teachersAndAdminsMadeWithAPasswordAreWelcomedStudentsAreNot() throws Exception {
    String teacher = "teacher-" + System.nanoTime() + "@mail-it.test";
    String student = "student-" + System.nanoTime() + "@mail-it.test";
    assertThat(postJson("/api/v1/users", Map.of("email", teacher, "displayName", "Grace", "role", "teacher", "password", PASSWORD)).statusCode()).isEqualTo(201);
    assertThat(postJson("/api/v1/users", Map.of("email", student, "displayName", "Alan", "role", "student", "password", PASSWORD)).statusCode()).isEqualTo(201);
    MimeMessage welcome = awaitReceived(teacher);
    assertThat(welcome.getSubject()).isEqualTo("Welcome to Vividly");
    assertThat(GreenMailUtil.getBody(welcome)).contains("Classes");
    assertThat(firstLink(GreenMailUtil.getWholeMessage(welcome), "/login")).isEqualTo("http://localhost:" + port + "/login");
    Thread.sleep(500);
    assertThat(receivedBy(student)).isEmpty();
  }

  @Test
  void aMessageIsTriedAgainUntilTheMailServerAnswers() throws Exception {
    Caller student = member(organization(), Role.STUDENT, "retry-" + System.nanoTime());
    smtp.stop();
    try {
      assertThat(call("POST", "/api/v1/auth/password-reset", Map.of("email", student.email()), null).statusCode()).isEqualTo(202);
      JsonNode waiting = awaitOutbox(student.email(), m -> m.path("attempts").asInt() >= 1 && !m.path("lastError").isNull());
      assertThat(waiting.path("status").asString()).as(waiting.toString()).isEqualTo("queued");
      assertThat(waiting.path("lastError").asString()).contains("could not be reached");
      assertThat(waiting.path("links").size()).as("still undelivered: the admin sees its link").isEqualTo(1);
    } finally {
      smtp = start();
    }
    MimeMessage reset = awaitReceived(student.email());
    assertThat(reset.getSubject()).isEqualTo("Reset your Vividly password");
    JsonNode sent = awaitOutbox(student.email(), m -> m.path("status").asString().equals("sent"));
    assertThat(sent.path("attempts").asInt()).isBetween(2, 3);
    assertThat(sent.path("lastError").isNull()).isTrue();
  }

  @Test
  void afterTheLastAttemptTheFailureIsShownAndAnAdminCanSendItAgain() throws Exception {
    Caller student = member(organization(), Role.STUDENT, "fail-" + System.nanoTime());
    JsonNode failed;
    smtp.stop();
    try {
      assertThat(call("POST", "/api/v1/auth/password-reset", Map.of("email", student.email()), null).statusCode()).isEqualTo(202);
      failed = awaitOutbox(student.email(), m -> m.path("status").asString().equals("failed"));
    } finally {
      smtp = start();
    }
    assertThat(failed.path("attempts").asInt()).isEqualTo(3);
    assertThat(failed.path("lastError").asString()).contains("could not be reached");
    HttpResponse<String> page = get("/admin/outbox?status=failed");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(student.email()).contains("could not be reached");

    HttpResponse<String> retried = postJson("/api/v1/outbox/" + failed.path("id").asString() + "/retry", Map.of());
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    awaitReceived(student.email());
    assertThat(awaitOutbox(student.email(), m -> m.path("status").asString().equals("sent")).path("id").asString()).isEqualTo(failed.path("id").asString());
    HttpResponse<String> twice = postJson("/api/v1/outbox/" + failed.path("id").asString() + "/retry", Map.of());
    assertThat(twice.statusCode()).as("a sent email is not sent again").isEqualTo(400);
  }

  @Test
  void budgetAlertsReachEachAdminWhoWantsThemOnce() throws Exception {
    String slug = "mail-it-budget";
    Caller first = member(slug, Role.ORG_ADMIN, "first-admin");
    Caller second = member(slug, Role.ORG_ADMIN, "second-admin");
    HttpResponse<String> optOut = call("PUT", "/api/v1/me/notifications", Map.of("budget_alert", false), "Bearer " + signIn(second));
    assertThat(optOut.statusCode()).as(optOut.body()).isEqualTo(200);
    assertThat(json(optOut).path("budget_alert").asBoolean(true)).isFalse();

    CostBudgetReached reached = new CostBudgetReached(first.organization(), LocalDate.now().withDayOfMonth(1), 75, new BigDecimal("7.5"), new BigDecimal("10.00"));
    transactions.executeWithoutResult(status -> events.publishEvent(reached));
    MimeMessage alert = awaitReceived(first.email());
    assertThat(alert.getSubject()).contains("75%");
    assertThat(GreenMailUtil.getBody(alert)).contains("$7.50").contains("$10.00");

    // The registry may hand the same event over again after a restart: still one email.
    transactions.executeWithoutResult(status -> events.publishEvent(reached));
    Thread.sleep(1000);
    assertThat(receivedBy(first.email())).hasSize(1);
    assertThat(receivedBy(second.email())).as("turned off").isEmpty();
  }

  @Test
  void optionalEmailsCanBeTurnedOffTheOthersCannot() {
    Caller student = member(organization(), Role.STUDENT, "prefs-" + System.nanoTime());
    String auth = "Bearer " + signIn(student);
    JsonNode choices = json(call("GET", "/api/v1/me/notifications", null, auth));
    assertThat(choices.propertyNames()).containsExactly("lesson_ready");
    assertThat(choices.path("lesson_ready").asBoolean()).isTrue();
    HttpResponse<String> refused = call("PUT", "/api/v1/me/notifications", Map.of("password_reset", false), auth);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(call("PUT", "/api/v1/me/notifications", Map.of("lesson_ready", false), auth).statusCode()).isEqualTo(200);
    assertThat(mail.send(new Email(student.organization(), student.userId(), student.email(), null, MailKind.LESSON_READY, "Ready", "<p>ready</p>", null))).isEmpty();
    assertThat(mail.send(new Email(student.organization(), student.userId(), student.email(), null, MailKind.PASSWORD_RESET, "Reset", "<p>reset</p>", null))).isPresent();
  }

  @Test
  void theOutboxIsForAdminsOfItsOwnOrganization() {
    Caller teacher = member(organization(), Role.TEACHER, "outbox-teacher");
    HttpResponse<String> refused = call("GET", "/api/v1/outbox", null, "Bearer " + signIn(teacher));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(get("/api/v1/outbox").statusCode()).isEqualTo(200);
    JsonNode other = json(call("GET", "/api/v1/outbox?limit=500", null, auth("mail-it-other")));
    assertThat(other.path("messages").valueStream().map(m -> m.path("recipient").asString()).filter(r -> r.endsWith("@mail-it.test")).toList()).isEmpty();
    String someId = json(get("/api/v1/outbox")).path("messages").path(0).path("id").asString();
    if (!someId.isEmpty()) assertThat(call("GET", "/api/v1/outbox/" + someId, null, auth("mail-it-other")).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/v1/outbox?status=lost", null, auth()).statusCode()).isEqualTo(400);
  }

  private JsonNode awaitOutbox(String recipient, Predicate<JsonNode> condition) throws InterruptedException {
    return awaitOutbox(recipient, condition, auth());
  }

  private JsonNode awaitOutbox(String recipient, Predicate<JsonNode> condition, String authorization) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      JsonNode outbox = json(call("GET", "/api/v1/outbox?limit=500", null, authorization));
      assertThat(outbox.path("sendsMail").asBoolean()).isTrue();
      for (JsonNode m : outbox.path("messages")) {
        if (m.path("recipient").asString().equals(recipient)) {
          last = m;
          if (condition.test(m)) return m;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no email to " + recipient + " got there in 30 s; last seen: " + last);
  }

  private static List<MimeMessage> receivedBy(String recipient) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(recipient));
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  private static MimeMessage awaitReceived(String recipient) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<MimeMessage> received = receivedBy(recipient);
      if (!received.isEmpty()) return received.getFirst();
      Thread.sleep(100);
    }
    throw new AssertionError("GreenMail received nothing for " + recipient + " in 30 s");
  }

  private static String firstLink(String wholeMessage, String path) {
    // Quoted-printable may fold long lines with "=\r\n"; the text part writes links as <url>.
    String unfolded = wholeMessage.replace("=\r\n", "").replace("=3D", "=");
    Matcher m = Pattern.compile("<(http://[^>\\s]+" + Pattern.quote(path) + "[^>\\s]*)>").matcher(unfolded);
    if (!m.find()) throw new AssertionError("no link to " + path + " in:\n" + wholeMessage);
    return m.group(1);
  }

  private static GreenMail start() {
    GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
