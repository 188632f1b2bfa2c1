package org.vividly.notifications.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vividly.notifications.MailNotDelivered;
import org.vividly.notifications.Mailer;

/**
 * Durable deliveries on db-scheduler (table {@code mail_schedule}): one execution per queued
 * message, so a message survives a restart and servers sharing the database share the sending. A
 * failed attempt is tried again after {@code retryBackoff}, doubling each time, up to {@code
 * maxAttempts}; then, or at once for a permanent refusal, the message is marked failed with the
 * reason. Workers run only on a server with a mail server configured.
 */
@Component
public class MailDeliveries implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailDeliveries.class);
  static final String TASK = "mail-delivery";
  private static final String TABLE = "mail_schedule";
  private static final String REMOVED = "[link removed: it was for the recipient only]";

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final Mailer mailer;
  private final MailProperties properties;
  private final CustomTask<Void> task;
  private final SchedulerClient client;
  private volatile Scheduler scheduler;

  MailDeliveries(DataSource dataSource, JdbcClient jdbc, Mailer mailer, MailProperties properties) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.mailer = mailer;
    this.properties = properties;
    // A refused attempt reschedules itself (below); the failure handler is for anything unexpected,
    // such as the database not answering.
    this.task = Tasks.custom(TASK, Void.class)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff()))
        .onDeadExecutionRevive()
        .execute((instance, context) -> {
          Instant again = deliver(UUID.fromString(instance.getId()));
          return again == null ? new CompletionHandler.OnCompleteRemove<>() : (complete, operations) -> operations.reschedule(complete, again);
        });
    this.client = SchedulerClient.Builder.create(dataSource, task).tableName(TABLE).build();
  }

  /**
   * Checks an address as the mail system will read it (RFC 5322 addr-spec, one address, no name).
   *
   * @throws MailNotDelivered (permanent) when it is not one
   */
  public static void checkAddress(String address) {
    try {
      if (address == null || address.isBlank()) throw new AddressException("no address");
      InternetAddress[] parsed = InternetAddress.parse(address.strip(), true);
      if (parsed.length != 1 || parsed[0].getPersonal() != null || !parsed[0].getAddress().contains("@")) throw new AddressException("not a single address");
      parsed[0].validate();
    } catch (AddressException e) {
      throw new MailNotDelivered("'" + address + "' is not an email address", true, e);
    }
  }

  /** Queues the delivery of a stored message once the current transaction commits (at once without one). */
  public void submitAfterCommit(UUID id) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          submit(id);
        }
      });
    } else {
      submit(id);
    }
  }

  private void submit(UUID id) {
    try {
      client.scheduleIfNotExists(task.instance(id.toString()), Instant.now());
    } catch (RuntimeException e) {
      // The message is stored as queued: the next start of a scheduler queues it again.
      log.warn("Could not queue the delivery of email {}: {}; it is queued again when the server next starts", id, e.getMessage());
      return;
    }
    Scheduler s = scheduler;
    if (s != null) s.triggerCheckForDueExecutions();
  }

  /** One attempt; answers when to try again, or null when the message is done with (sent, kept or failed). */
  Instant deliver(UUID id) {
    Map<String, Object> row = jdbc.sql("UPDATE mail_message SET attempts = attempts + 1 WHERE id = ? AND status = 'queued' RETURNING recipient, recipient_name, subject, text_body, html_body, attempts")
        .param(id)
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .orElse(null);
    if (row == null) {
      // Sent or failed already (or removed): nothing to do.
      return null;
    }
    int attempt = ((Number) row.get("attempts")).intValue();
    Mailer.Message message = new Mailer.Message(id, (String) row.get("recipient"), (String) row.get("recipient_name"), (String) row.get("subject"), (String) row.get("text_body"), (String) row.get("html_body"));
    try {
      Mailer.Delivery delivery = mailer.deliver(message);
      if (delivery == Mailer.Delivery.KEPT) {
        jdbc.sql("UPDATE mail_message SET status = 'outbox', last_error = NULL WHERE id = ?").param(id).update();
        return null;
      }
      sent(id, message);
      log.info("Email {} to {} sent (attempt {})", id, message.to(), attempt);
      return null;
    } catch (MailNotDelivered e) {
      if (e.permanent() || attempt >= properties.maxAttempts()) {
        jdbc.sql("UPDATE mail_message SET status = 'failed', last_error = ? WHERE id = ?").params(e.getMessage(), id).update();
        log.warn("Email {} to {} failed after {} attempt(s): {}", id, message.to(), attempt, e.getMessage());
        return null;
      }
      jdbc.sql("UPDATE mail_message SET last_error = ? WHERE id = ?").params(e.getMessage(), id).update();
      Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
      log.info("Email {} to {} not delivered (attempt {} of {}), tried again in {} s: {}", id, message.to(), attempt, properties.maxAttempts(), wait.toMillis() / 1000.0, e.getMessage());
      return Instant.now().plus(wait);
    }
  }

  /** Marks it sent and removes its links from the stored copy: they carry tokens for the recipient only. */
  private void sent(UUID id, Mailer.Message message) {
    String text = message.text();
    String html = message.html();
    for (String link : PlainText.links(html)) {
      text = text.replace(link, REMOVED);
      html = html.replace(link.replace("&", "&amp;"), REMOVED).replace(link, REMOVED);
    }
    jdbc.sql("UPDATE mail_message SET status = 'sent', sent_at = now(), last_error = NULL, links = '[]'::jsonb, text_body = ?, html_body = ? WHERE id = ?")
        .params(text, html, id)
        .update();
  }

  /** A new scheduler each time: a stopped one cannot start again, and test contexts stop and restart. */
  @Override
  public synchronized void start() {
    if (scheduler != null || !mailer.sends()) return;
    scheduler = Scheduler.create(dataSource, task)
        .tableName(TABLE)
        .threads(properties.workers())
        .pollingInterval(properties.pollInterval())
        .enableImmediateExecution()
        .shutdownMaxWait(Duration.ofSeconds(5))
        .build();
    scheduler.start();
    // Messages whose delivery was never queued (the server stopped right after the commit) still go.
    List<UUID> queued = jdbc.sql("SELECT id FROM mail_message WHERE status = 'queued' ORDER BY created_at").query(UUID.class).list();
    for (UUID id : queued) submit(id);
    log.info("Mail deliveries started ({} waiting)", queued.size());
  }

  @Override
  public synchronized void stop() {
    Scheduler s = scheduler;
    scheduler = null;
    if (s != null) s.stop();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
