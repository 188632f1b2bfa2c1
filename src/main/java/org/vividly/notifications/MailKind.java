package org.vividly.notifications;

import java.util.Locale;
import org.vividly.common.InvalidRequest;

/** What an email is about. Some kinds are needed to use an account; people may turn the others off. */
public enum MailKind {
  /** An invitation to choose a password; always sent. */
  INVITATION(false, "Invitations"),
  /** A link to reset a forgotten password; always sent. */
  PASSWORD_RESET(false, "Password resets"),
  /** A new teacher's or admin's welcome, with where to sign in; always sent. */
  WELCOME(false, "Welcome messages"),
  /** A public sign-up's email check (or a note that the address has an account); always sent. */
  SIGN_UP(false, "Sign-up confirmations"),
  /** A lesson's narrated video (or audio) is ready to watch. */
  LESSON_READY(true, "When a lesson's audio or video is ready"),
  /** The organization's spending reached a share of its monthly budget (admins). */
  BUDGET_ALERT(true, "Budget alerts");

  private final boolean optional;
  private final String label;

  MailKind(boolean optional, String label) {
    this.optional = optional;
    this.label = label;
  }

  /** Whether a person may choose not to receive it. */
  public boolean optional() {
    return optional;
  }

  /** What it is, in words for a settings page. */
  public String label() {
    return label;
  }

  /** Lower-case name used in the API and the database, for example {@code lesson_ready}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws InvalidRequest for an unknown code */
  public static MailKind parse(String code) {
    if (code != null) {
      for (MailKind kind : values()) {
        if (kind.code().equalsIgnoreCase(code.strip())) return kind;
      }
    }
    throw new InvalidRequest("Unknown kind of email '" + code + "'; use one of invitation, password_reset, welcome, sign_up, lesson_ready, budget_alert");
  }
}
