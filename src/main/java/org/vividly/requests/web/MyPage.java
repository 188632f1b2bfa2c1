package org.vividly.requests.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vividly.common.PageController;
import org.vividly.common.VividlyException;
import org.vividly.identity.Accounts;
import org.vividly.quiz.Quizzes;
import org.vividly.quota.Quotas;
import org.vividly.requests.ContentRequests;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;
import org.vividly.tenancy.Visibility;

/** "My lessons": a person's requests and lessons, quiz history, classes, this month's quota, plan and preferences. */
@PageController
class MyPage {

  private final Accounts accounts;
  private final ContentRequests requests;
  private final Quotas quotas;
  private final Schools schools;
  private final Quizzes quizzes;

  MyPage(Accounts accounts, ContentRequests requests, Quotas quotas, Schools schools, Quizzes quizzes) {
    this.accounts = accounts;
    this.requests = requests;
    this.quotas = quotas;
    this.schools = schools;
    this.quizzes = quizzes;
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
  String join(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response,
      RedirectAttributes redirect, Caller caller) {
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
