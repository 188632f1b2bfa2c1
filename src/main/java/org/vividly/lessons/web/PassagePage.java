package org.vividly.lessons.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.PageController;
import org.vividly.lessons.LessonNotFound;
import org.vividly.lessons.Lessons;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Visibility;

/** A passage of a source, with the sentences a lesson took from it highlighted when opened from that lesson's citation. */
@PageController
class PassagePage {

  private final Sources sources;
  private final Lessons lessons;
  private final Organizations organizations;

  PassagePage(Sources sources, Lessons lessons, Organizations organizations) {
    this.sources = sources;
    this.lessons = lessons;
    this.organizations = organizations;
  }

  /**
   * A passage; opened from a lesson's citation ({@code lesson} set), the sentences the lesson took
   * from it are highlighted. A lesson the caller may not see highlights nothing.
   */
  @GetMapping("/passages/{id}")
  String passage(@PathVariable long id, @RequestParam(required = false) UUID lesson, Model model, HttpServletRequest request, Visibility visibility, Caller caller) {
    var passage = sources.passage(organizations.searchable(caller.organization()), id);
    model.addAttribute("passage", passage);
    List<String> citing = List.of();
    try {
      if (lesson != null) citing = CitedSentences.citing(lessons.get(visibility, lesson), id);
    } catch (LessonNotFound e) {
      // nothing to highlight
    }
    model.addAttribute("segments", CitedSentences.of(passage.text(), citing));
    return request.getHeader("HX-Request") != null ? "passage :: passage" : "passage";
  }
}
