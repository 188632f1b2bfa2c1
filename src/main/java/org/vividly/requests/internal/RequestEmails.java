package org.vividly.requests.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.vividly.common.PublicUrl;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.notifications.Email;
import org.vividly.notifications.Mail;
import org.vividly.notifications.MailKind;
import org.vividly.requests.ContentRequestFinished;
import org.vividly.requests.CostBudgetReached;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;

/**
 * The emails requests cause: "your lesson is ready" to the person who asked, once its audio or video
 * is made, and budget alerts to the organization's admins. Each is sent once, even when the event
 * publication registry hands an event over again after a restart, and only to people who did not
 * turn that kind of email off.
 */
@Component
class RequestEmails {

  private final Mail mail;
  private final Accounts accounts;
  private final Organizations organizations;
  private final RequestStore store;
  private final ITemplateEngine templates;
  private final PublicUrl publicUrl;

  RequestEmails(Mail mail, Accounts accounts, Organizations organizations, RequestStore store, ITemplateEngine templates, PublicUrl publicUrl) {
    this.mail = mail;
    this.accounts = accounts;
    this.organizations = organizations;
    this.store = store;
    this.templates = templates;
    this.publicUrl = publicUrl;
  }

  @ApplicationModuleListener
  void on(ContentRequestFinished event) {
    List<String> media = new ArrayList<>();
    if ("completed".equals(event.outcomes().get("video"))) media.add("narrated video");
    if ("completed".equals(event.outcomes().get("audio"))) media.add("audio");
    if (media.isEmpty()) return;
    RequestStore.Row request = store.find(event.requestId()).orElse(null);
    UUID ownerId = store.owner(event.requestId()).orElse(null);
    if (request == null || ownerId == null) return;
    Account owner = accounts.get(event.organization(), ownerId);
    String title = request.question();
    Context context = context(owner, "Your lesson is ready", request.lessonId() == null ? "/requests/" + request.id() : "/lessons/" + request.lessonId());
    context.setVariable("title", title);
    context.setVariable("media", String.join(" and ", media));
    String html = templates.process("email/lesson-ready", context);
    mail.send(new Email(event.organization(), owner.id(), owner.email(), owner.displayName(), MailKind.LESSON_READY, "Your lesson is ready: " + shorten(title), html, "lesson-ready:" + event.requestId()));
  }

  @ApplicationModuleListener
  void on(CostBudgetReached event) {
    String organization = organizations.get(event.organization()).name();
    String subject = organization + " used " + event.threshold() + "% of its Vividly budget";
    for (Account admin : accounts.list(event.organization(), Role.ORG_ADMIN, null)) {
      Context context = context(admin, subject, "/admin#budget");
      context.setVariable("organization", organization);
      context.setVariable("threshold", event.threshold());
      context.setVariable("month", event.month().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)));
      context.setVariable("spent", dollars(event.spentUsd()));
      context.setVariable("budget", dollars(event.budgetUsd()));
      String html = templates.process("email/budget-alert", context);
      mail.send(new Email(event.organization(), admin.id(), admin.email(), admin.displayName(), MailKind.BUDGET_ALERT, subject, html,
          "budget:" + event.organization().value() + ":" + event.month() + ":" + event.threshold() + ":" + admin.id()));
    }
  }

  private Context context(Account to, String subject, String path) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("name", to.displayName());
    context.setVariable("subject", subject);
    context.setVariable("link", publicUrl.link(path));
    context.setVariable("settings", publicUrl.link("/my/notifications"));
    return context;
  }

  private static String dollars(BigDecimal amount) {
    return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57).strip() + "...";
  }
}
