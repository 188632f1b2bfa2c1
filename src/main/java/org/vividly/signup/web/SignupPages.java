package org.vividly.signup.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.PageController;
import org.vividly.common.VividlyException;
import org.vividly.signup.SignUps;

/** The public sign-up form and the page its email links to (a button, so a mail scanner's visit verifies nothing). */
@PageController
class SignupPages {

  private final SignUps signUps;

  SignupPages(SignUps signUps) {
    this.signUps = signUps;
  }

  @GetMapping("/signup")
  String form() {
    return "signup";
  }

  @PostMapping("/signup")
  String submit(@RequestParam(defaultValue = "family") String kind, @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String organizationName, @RequestParam(defaultValue = "") String referralCode, Model model, HttpServletResponse response) {
    try {
      signUps.start(new SignUps.Request(kind, email, name, password, organizationName, referralCode));
      model.addAttribute("sent", email.strip());
    } catch (VividlyException e) {
      response.setStatus(e.status().value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("form", java.util.Map.of("kind", kind, "email", email, "name", name, "organizationName", organizationName, "referralCode", referralCode));
    }
    return "signup";
  }

  @GetMapping("/signup/verify/{token}")
  String confirm(@PathVariable String token, Model model) {
    signUps.pending(token).ifPresentOrElse(email -> model.addAttribute("pending", email), () -> model.addAttribute("error", "This link was used already, or it expired (links work for 24 hours). Sign up again, or sign in."));
    model.addAttribute("token", token);
    return "signup";
  }

  @PostMapping("/signup/verify/{token}")
  String verify(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      model.addAttribute("verified", signUps.verify(token));
    } catch (VividlyException e) {
      response.setStatus(e.status().value());
      model.addAttribute("error", e.getMessage());
    }
    return "signup";
  }
}
