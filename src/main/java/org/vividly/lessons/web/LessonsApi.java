package org.vividly.lessons.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.LessonRequest;
import org.vividly.lessons.Lessons;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.CurrentOrganization;

@RestController
@RequestMapping("/api/v1/lessons")
@Tag(name = "Lessons", description = "Grounded, cited lessons for a student's question")
class LessonsApi {

  private final Lessons lessons;
  private final CurrentOrganization organization;

  LessonsApi(Lessons lessons, CurrentOrganization organization) {
    this.lessons = lessons;
    this.organization = organization;
  }

  /**
   * @param grade 1-12, or 13-16 for college; default 9
   */
  record AskBody(String question, Integer grade, List<String> interests, Set<UUID> sourceIds) {}

  @PostMapping
  @Operation(
      summary = "Ask a question",
      description = "Composes a lesson from the library. When the library cannot answer, `inLibrary` is false and `closestSections` lists the nearest sections.")
  ResponseEntity<Lesson> ask(@RequestBody AskBody body, HttpServletRequest request) {
    Caller caller = organization.caller(request);
    Lesson lesson = lessons.ask(caller.organization(), caller.userId(), new LessonRequest(body.question(), body.grade() == null ? 9 : body.grade(), body.interests(), body.sourceIds()));
    return ResponseEntity.created(URI.create("/api/v1/lessons/" + lesson.id())).body(lesson);
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
