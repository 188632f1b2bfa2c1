package org.vividly.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.LessonRequest;
import org.vividly.lessons.Lessons;
import org.vividly.tenancy.CurrentOrganization;

/** The ask page: a question, a grade and interests in; a cited lesson out. */
@Controller
class AskPage {

  private final Lessons lessons;
  private final CurrentOrganization organization;

  AskPage(Lessons lessons, CurrentOrganization organization) {
    this.lessons = lessons;
    this.organization = organization;
  }

  @GetMapping("/")
  String ask(Model model, HttpServletRequest request) {
    model.addAttribute("recent", lessons.recent(organization.of(request), 8));
    return "ask";
  }

  /** htmx posts here and swaps the lesson fragment in; without htmx the full page is shown. */
  @PostMapping("/lessons")
  String compose(@RequestParam String question, @RequestParam(defaultValue = "9") int grade, @RequestParam(defaultValue = "") String interests, Model model, HttpServletRequest request) {
    try {
      List<String> list = Arrays.stream(interests.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      Lesson lesson = lessons.ask(organization.of(request), new LessonRequest(question, grade, list, null));
      model.addAttribute("lesson", lesson);
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
    }
    return request.getHeader("HX-Request") != null ? "lesson :: lesson" : "lesson";
  }

  @GetMapping("/lessons/{id}")
  String lesson(@PathVariable UUID id, Model model, HttpServletRequest request) {
    model.addAttribute("lesson", lessons.get(organization.of(request), id));
    return "lesson";
  }
}
