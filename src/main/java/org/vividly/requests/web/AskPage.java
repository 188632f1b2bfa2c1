package org.vividly.requests.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.vividly.common.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.VividlyException;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.lessons.Lessons;
import org.vividly.quota.QuotaExceeded;
import org.vividly.quota.Quotas;
import org.vividly.requests.ContentRequest;
import org.vividly.requests.ContentRequestCommand;
import org.vividly.requests.ContentRequests;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Visibility;

/**
 * The ask page: a question, a grade, interests and the modalities wanted in; a cited lesson out,
 * and for audio or video the request page with live progress and the player.
 */
@PageController
class AskPage {

  private final Lessons lessons;
  private final ContentRequests requests;

  private final Accounts accounts;
  private final Quotas quotas;
  private final LessonModel lessonModel;

  AskPage(Lessons lessons, ContentRequests requests, Accounts accounts, Quotas quotas, LessonModel lessonModel) {
    this.lessonModel = lessonModel;
    this.accounts = accounts;
    this.quotas = quotas;
    this.lessons = lessons;
    this.requests = requests;
  }

  @GetMapping("/")
  String ask(Model model, Caller caller) {
    model.addAttribute("recent", requests.recent(new Visibility(caller.organization(), caller.userId(), Set.of(caller.userId())), 8));
    Account account = accounts.get(caller.organization(), caller.userId());
    model.addAttribute("account", account);
    model.addAttribute("quota", quotas.usage(caller.organization(), caller.userId()));
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
      HttpServletResponse response,
      Caller caller,
      Visibility visibility) {
    boolean htmx = request.getHeader("HX-Request") != null;
    try {
      List<String> list = Arrays.stream(interests.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      List<String> wanted = modalities == null ? new ArrayList<>() : modalities;
      ContentRequest created = requests.create(caller, ContentRequestCommand.of(question, grade, list, null, wanted, null, null, audioLanguage, resolution, null));
      if (wanted.contains("audio") || wanted.contains("video")) {
        String page = "/requests/" + created.id();
        if (htmx) {
          response.setHeader("HX-Redirect", page);
          return "lesson :: empty";
        }
        return "redirect:" + page;
      }
      lessonModel.add(model, caller, lessons.get(visibility, created.lessonId()));
    } catch (IllegalArgumentException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.getMessage());
    } catch (VividlyException e) {
      // The same status as the API's (400, 429 with Retry-After), with the message in the page.
      response.setStatus(e.status().value());
      if (e.retryAfterSeconds() > 0) response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      model.addAttribute("error", e.getMessage());
      if (e instanceof QuotaExceeded q) model.addAttribute("upgrade", q.upgradeAllowed());
    }
    return htmx ? "lesson :: lesson" : "lesson";
  }

  /** A request: live progress by stage while it renders, then the player and the lesson. */
  @GetMapping("/requests/{id}")
  String request(@PathVariable UUID id, Model model, HttpServletRequest request, Caller caller, Visibility visibility) {
    ContentRequest r = requests.get(visibility, id);
    model.addAttribute("request", r);
    steps(model, r);
    if (r.lessonId() != null) lessonModel.add(model, caller, lessons.get(visibility, r.lessonId()));
    return "request";
  }

  /** The progress fragment, fetched again whenever the request's event stream says it changed; once it is done the page reloads to show the player. */
  @GetMapping("/requests/{id}/progress")
  String progress(@PathVariable UUID id, Model model, HttpServletRequest request, HttpServletResponse response, Visibility visibility) {
    ContentRequest r = requests.get(visibility, id);
    if (r.finished()) response.setHeader("HX-Refresh", "true");
    model.addAttribute("request", r);
    steps(model, r);
    return "request :: progress";
  }

  private static void steps(Model model, ContentRequest r) {
    var steps = RequestSteps.of(r);
    model.addAttribute("steps", steps);
    model.addAttribute("timeLeft", RequestSteps.left(steps));
  }

  @PostMapping("/requests/{id}/delete")
  String delete(@PathVariable UUID id, Visibility visibility) {
    requests.delete(visibility, id);
    return "redirect:/";
  }
}
