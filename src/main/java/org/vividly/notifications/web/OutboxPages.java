package org.vividly.notifications.web;

import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.PageController;
import org.vividly.common.VividlyException;
import org.vividly.notifications.Mail;
import org.vividly.notifications.MailKind;
import org.vividly.tenancy.Caller;

/** The Outbox page for admins, and everyone's notification settings. */
@PageController
class OutboxPages {

  private final Mail mail;

  OutboxPages(Mail mail) {
    this.mail = mail;
  }

  @GetMapping("/admin/outbox")
  String outbox(@RequestParam(required = false) String status, Model model, Caller caller) {
    String only = status == null || status.isBlank() ? null : status.strip();
    model.addAttribute("messages", mail.outbox(caller, only, 200));
    model.addAttribute("status", only);
    model.addAttribute("sendsMail", mail.sendsMail());
    return "outbox";
  }

  @GetMapping("/admin/outbox/{id}")
  String message(@PathVariable UUID id, Model model, Caller caller) {
    model.addAttribute("message", mail.message(caller, id));
    model.addAttribute("sendsMail", mail.sendsMail());
    return "outbox-message";
  }

  @PostMapping("/admin/outbox/{id}/retry")
  String retry(@PathVariable UUID id, Caller caller) {
    mail.retry(caller, id);
    return "redirect:/admin/outbox/" + id;
  }

  @GetMapping("/my/notifications")
  String notifications(Model model, Caller caller) {
    model.addAttribute("choices", mail.preferences(caller));
    return "notifications";
  }

  /** Each optional kind is a checkbox; an unchecked one is absent from the form and turned off. */
  @PostMapping("/my/notifications")
  String saveNotifications(@RequestParam(name = "on", required = false) java.util.List<String> on, Model model, Caller caller) {
    java.util.Set<String> chosen = on == null ? java.util.Set.of() : java.util.Set.copyOf(on);
    try {
      for (MailKind kind : mail.preferences(caller).keySet()) mail.setPreference(caller, kind, chosen.contains(kind.code()));
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
      return notifications(model, caller);
    }
    return "redirect:/my/notifications?saved";
  }
}
