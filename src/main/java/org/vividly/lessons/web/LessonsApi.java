package org.vividly.lessons.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Lessons;
import org.vividly.tenancy.CurrentOrganization;

@RestController
@RequestMapping("/api/v1/lessons")
@Tag(name = "Lessons", description = "Grounded, cited lessons for a student's question")
// Asking (POST /api/v1/lessons) goes through the requests module, the one way in for a question.
class LessonsApi {

  private final Lessons lessons;
  private final CurrentOrganization organization;

  LessonsApi(Lessons lessons, CurrentOrganization organization) {
    this.lessons = lessons;
    this.organization = organization;
  }

  @GetMapping("/{id}")
  @Operation(summary = "A lesson asked earlier")
  Lesson get(@PathVariable UUID id, HttpServletRequest request) {
    return lessons.get(organization.visibility(request), id);
  }

  @GetMapping
  @Operation(summary = "Recent lessons, newest first")
  List<Lesson> recent(@RequestParam(defaultValue = "20") int limit, HttpServletRequest request) {
    return lessons.recent(organization.visibility(request), Math.clamp(limit, 1, 200));
  }
}
