package org.vividly.lessons.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Lessons;
import org.vividly.tenancy.Visibility;

@RestController
@RequestMapping("/api/v1/lessons")
@Tag(name = "Lessons", description = "Grounded, cited lessons for a student's question")
// Asking (POST /api/v1/lessons) goes through the requests module, the one way in for a question.
class LessonsApi {

  private final Lessons lessons;

  LessonsApi(Lessons lessons) {
    this.lessons = lessons;
  }

  @GetMapping("/{id}")
  @Operation(summary = "A lesson asked earlier")
  Lesson get(@PathVariable UUID id, Visibility visibility) {
    return lessons.get(visibility, id);
  }

  @GetMapping
  @Operation(summary = "Recent lessons, newest first")
  List<Lesson> recent(@RequestParam(defaultValue = "20") int limit, Visibility visibility) {
    return lessons.recent(visibility, Math.clamp(limit, 1, 200));
  }
}
