package org.vividly.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.notifications.Mail;
import org.vividly.notifications.MailKind;
import org.vividly.notifications.OutboxMessage;
import org.vividly.tenancy.Caller;

@RestController
@Tag(name = "Email", description = "The organization's outbox, and which optional emails each person gets")
class OutboxApi {

  private final Mail mail;

  OutboxApi(Mail mail) {
    this.mail = mail;
  }

  /**
   * @param sendsMail whether a mail server is configured; without one, emails stay in the outbox
   *     with their links for an admin to pass on
   */
  record Outbox(boolean sendsMail, List<OutboxMessage> messages) {}

  @GetMapping("/api/v1/outbox")
  @Operation(summary = "The organization's emails, newest first (admins)",
      description = "Recipient, subject, status (outbox: no mail server, pass its links on; queued; sent; failed, with the reason) and the links of undelivered messages.")
  Outbox outbox(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit, Caller caller) {
    return new Outbox(mail.sendsMail(), mail.outbox(caller, status == null || status.isBlank() ? null : status.strip(), limit));
  }

  @GetMapping("/api/v1/outbox/{id}")
  @Operation(summary = "One email with its plain-text part (admins)")
  OutboxMessage message(@PathVariable UUID id, Caller caller) {
    return mail.message(caller, id);
  }

  @PostMapping("/api/v1/outbox/{id}/retry")
  @Operation(summary = "Send a failed email again (admins)", description = "For example after the mail server's settings were fixed. 400 when it did not fail or no mail server is configured.")
  OutboxMessage retry(@PathVariable UUID id, Caller caller) {
    return mail.retry(caller, id);
  }

  @GetMapping("/api/v1/me/notifications")
  @Operation(summary = "Which optional emails I get", description = "Keys are kinds of email (lesson_ready; budget_alert for admins); invitations, password resets and welcome messages are always sent.")
  Map<String, Boolean> preferences(Caller caller) {
    return codes(mail.preferences(caller));
  }

  @PutMapping("/api/v1/me/notifications")
  @Operation(summary = "Turn optional emails on or off", description = "Body: kinds of email to true or false, for example {\"lesson_ready\": false}. 400 for a kind that cannot be turned off.")
  Map<String, Boolean> setPreferences(@RequestBody Map<String, Boolean> body, Caller caller) {
    Map<MailKind, Boolean> choices = mail.preferences(caller);
    for (Map.Entry<String, Boolean> e : body.entrySet()) {
      if (e.getValue() == null) throw new org.vividly.common.InvalidRequest(e.getKey() + " is true or false");
      choices = mail.setPreference(caller, MailKind.parse(e.getKey()), e.getValue());
    }
    return codes(choices);
  }

  private static Map<String, Boolean> codes(Map<MailKind, Boolean> choices) {
    return choices.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().code(), Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
