package org.vividly.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.lessons.Lessons;
import org.vividly.ratelimit.RateLimit;
import org.vividly.ratelimit.RateLimitExceeded;
import org.vividly.ratelimit.RateLimits;
import org.vividly.requests.ContentRequest;
import org.vividly.requests.ContentRequestCommand;
import org.vividly.requests.ContentRequests;
import org.vividly.tenancy.CurrentOrganization;
import org.vividly.tenancy.OrganizationId;

/**
 * The ask page: a question, a grade, interests and the modalities wanted in; a cited lesson out,
 * and for audio or video the request page with live progress and the player.
 */
@Controller
class AskPage {

  private final Lessons lessons;
  private final ContentRequests requests;
  private final CurrentOrganization organization;
  private final RateLimits limits;

  AskPage(Lessons lessons, ContentRequests requests, CurrentOrganization organization, RateLimits limits) {
    this.lessons = lessons;
    this.requests = requests;
    this.organization = organization;
    this.limits = limits;
  }

  @GetMapping("/")
  String ask(Model model, HttpServletRequest request) {
    model.addAttribute("recent", requests.recent(organization.of(request), 8));
    return "ask";
  }

  /** htmx posts here: text swaps the lesson in; audio or video open the request page. */
  @PostMapping("/lessons")
  String compose(
      @RequestParam String question,
      @RequestParam(defaultValue = "9") int grade,
      @RequestParam(defaultValue = "") String interests,
      @RequestParam(required = false) List<String> modalities,
      @RequestParam(defaultValue = "") String audioLanguage,
      @RequestParam(required = false) Integer resolution,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    boolean htmx = request.getHeader("HX-Request") != null;
    try {
      limits.require(RateLimit.CONTENT_REQUESTS, RateLimits.client(request));
      OrganizationId org = organization.of(request);
      List<String> list = Arrays.stream(interests.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      List<String> wanted = modalities == null ? new ArrayList<>() : modalities;
      ContentRequest created = requests.create(org, ContentRequestCommand.of(question, grade, list, null, wanted, null, null, audioLanguage, resolution, null));
      if (wanted.contains("audio") || wanted.contains("video")) {
        String page = "/requests/" + created.id();
        if (htmx) {
          response.setHeader("HX-Redirect", page);
          return "lesson :: empty";
        }
        return "redirect:" + page;
      }
      model.addAttribute("lesson", lessons.get(org, created.lessonId()));
    } catch (IllegalArgumentException | RateLimitExceeded e) {
      model.addAttribute("error", e.getMessage());
    }
    return htmx ? "lesson :: lesson" : "lesson";
  }

  @GetMapping("/lessons/{id}")
  String lesson(@PathVariable UUID id, Model model, HttpServletRequest request) {
    model.addAttribute("lesson", lessons.get(organization.of(request), id));
    return "lesson";
  }

  /** A request: live progress by stage while it renders, then the player and the lesson. */
  @GetMapping("/requests/{id}")
  String request(@PathVariable UUID id, Model model, HttpServletRequest request) {
    OrganizationId org = organization.of(request);
    ContentRequest r = requests.get(org, id);
    model.addAttribute("request", r);
    if (r.lessonId() != null) model.addAttribute("lesson", lessons.get(org, r.lessonId()));
    return "request";
  }

  /** The progress fragment htmx polls; once the request is done the page reloads to show the player. */
  @GetMapping("/requests/{id}/progress")
  String progress(@PathVariable UUID id, Model model, HttpServletRequest request, HttpServletResponse response) {
    ContentRequest r = requests.get(organization.of(request), id);
    if (r.finished()) response.setHeader("HX-Refresh", "true");
    model.addAttribute("request", r);
    return "request :: progress";
  }

  @PostMapping("/requests/{id}/delete")
  String delete(@PathVariable UUID id, HttpServletRequest request) {
    requests.delete(organization.of(request), id);
    return "redirect:/";
  }
}
