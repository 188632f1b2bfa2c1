package org.vividly.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.VividlyException;
import org.vividly.identity.Accounts;
import org.vividly.identity.Emails;
import org.vividly.quota.Quotas;
import org.vividly.requests.ContentRequests;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;
import org.vividly.tenancy.Visibility;

/**
 * Sign-in and account pages: the login form (Spring Security handles its POST), invitations,
 * password resets, and "my lessons" with the person's quota, plan and preferences.
 */
@Controller
class AccountPages {

  private final Accounts accounts;
  private final Quotas quotas;
  private final ContentRequests requests;
    private final Emails emails;
  private final Schools schools;
  private final org.vividly.quiz.Quizzes quizzes;

  AccountPages(Accounts accounts, Quotas quotas, ContentRequests requests, Emails emails, Schools schools, org.vividly.quiz.Quizzes quizzes) {
    this.quizzes = quizzes;
    this.schools = schools;
    this.accounts = accounts;
    this.quotas = quotas;
    this.requests = requests;
    this.emails = emails;
  }

  @GetMapping("/login")
  String login(Model model, HttpServletRequest request) {
    var session = request.getSession(false);
    if (request.getParameter("error") != null && session != null && session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION") instanceof AuthenticationException e) {
      model.addAttribute("error", e.getMessage());
    } else if (request.getParameter("error") != null) {
      model.addAttribute("error", "Wrong email or password");
    }
    model.addAttribute("signedOut", request.getParameter("signedOut") != null);
    return "login";
  }

  @GetMapping("/invitations/{token}")
  String invitation(@PathVariable String token, Model model) {
    accounts.invitation(token).ifPresentOrElse(a -> model.addAttribute("invited", a), () -> model.addAttribute("error", "This invitation is not valid, was already used, or has expired. Ask your administrator for a new one."));
    model.addAttribute("token", token);
    return "invitation";
  }

  @PostMapping("/invitations/{token}")
  String accept(@PathVariable String token, @RequestParam String password, @RequestParam(defaultValue = "") String displayName, Model model) {
    try {
      accounts.acceptInvitation(token, password, displayName);
      return "redirect:/login?welcome";
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
      accounts.invitation(token).ifPresent(a -> model.addAttribute("invited", a));
      model.addAttribute("token", token);
      return "invitation";
    }
  }

  @GetMapping("/password-reset")
  String resetForm() {
    return "password-reset";
  }

  @PostMapping("/password-reset")
  String requestReset(@RequestParam String email, Model model) {
    accounts.requestPasswordReset(email).ifPresent(reset -> emails.passwordReset(reset.account(), reset.token()));
    model.addAttribute("sent", true);
    return "password-reset";
  }

  @GetMapping("/password-reset/{token}")
  String newPasswordForm(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    return "password-reset";
  }

  @PostMapping("/password-reset/{token}")
  String resetPassword(@PathVariable String token, @RequestParam String password, Model model) {
    try {
      accounts.resetPassword(token, password);
      return "redirect:/login?reset";
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("token", token);
      return "password-reset";
    }
  }

  /** The student's page: their requests and lessons, quiz history and sections, this month's quota, plan and preferences. */
  @GetMapping("/my")
  String mine(Model model, Caller caller) {
    model.addAttribute("account", accounts.get(caller.organization(), caller.userId()));
    model.addAttribute("requests", requests.recent(new Visibility(caller.organization(), caller.userId(), Set.of(caller.userId())), 100));
    model.addAttribute("quota", quotas.usage(caller.organization(), caller.userId()));
    model.addAttribute("plans", quotas.plans().stream().filter(p -> p.audience().equals("individual")).toList());
    model.addAttribute("classes", schools.classesOf(caller.organization(), caller.userId()));
    model.addAttribute("quizHistory", quizzes.history(caller, 50));
    model.addAttribute("mastery", quizzes.student(caller, caller.userId()));
    return "my";
  }

  /** A student joins a class with the code its teacher shared. */
  @PostMapping("/my/classes/join")
  String join(@RequestParam(defaultValue = "") String code, Model model, jakarta.servlet.http.HttpServletResponse response,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, Caller caller) {
    try {
      SchoolClass joined = schools.join(caller, code);
      redirect.addFlashAttribute("joined", joined.name());
      return "redirect:/my#classes";
    } catch (VividlyException e) {
      response.setStatus(e.status().value());
      model.addAttribute("joinError", e.getMessage());
      return mine(model, caller);
    }
  }

  @PostMapping("/my/preferences")
  String preferences(@RequestParam(defaultValue = "") String interests, @RequestParam(required = false) String preferredModality, Model model, HttpServletRequest request, Caller caller) {
    try {
      List<String> list = Arrays.stream(interests.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      accounts.setPreferences(caller.organization(), caller.userId(), list, preferredModality == null || preferredModality.isBlank() ? null : preferredModality);
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
      return mine(model, caller);
    }
    return "redirect:/my?saved";
  }
}
