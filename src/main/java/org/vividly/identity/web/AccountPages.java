package org.vividly.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.AuthenticationException;
import org.vividly.common.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.VividlyException;
import org.vividly.identity.Accounts;
import org.vividly.identity.Emails;

/**
 * Sign-in pages: the login form (Spring Security handles its POST), accepting an invitation and
 * resetting a forgotten password.
 */
@PageController
class AccountPages {

  private final Accounts accounts;
  private final Emails emails;

  private final org.vividly.identity.SchoolSignIn schoolSignIn;

  AccountPages(Accounts accounts, Emails emails, org.vividly.identity.SchoolSignIn schoolSignIn) {
    this.accounts = accounts;
    this.emails = emails;
    this.schoolSignIn = schoolSignIn;
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
    model.addAttribute("schoolAccounts", schoolSignIn.providers());
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
}
