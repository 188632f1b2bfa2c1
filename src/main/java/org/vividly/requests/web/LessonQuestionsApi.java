package org.vividly.requests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Lessons;
import org.vividly.quota.Meter;
import org.vividly.quota.Metered;
import org.vividly.requests.ContentRequest;
import org.vividly.requests.ContentRequestCommand;
import org.vividly.requests.ContentRequests;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Visibility;

/**
 * The text-only way to ask, answering the lesson itself. It is a content request like any other
 * ({@link ContentRequests#create}), so it takes the same rate limit and quota unit as the ask page
 * and {@code POST /api/v1/requests}.
 */
@RestController
@Tag(name = "Lessons")
class LessonQuestionsApi {

  private final ContentRequests requests;
  private final Lessons lessons;

  LessonQuestionsApi(ContentRequests requests, Lessons lessons) {
    this.requests = requests;
    this.lessons = lessons;
  }

  /** @param grade 1-12, or 13-16 for college; default 9 */
  record LessonQuestion(String question, Integer grade, List<String> interests, Set<UUID> sourceIds) {}

  @Metered(Meter.TEXT)
  @PostMapping("/api/v1/lessons")
  @Operation(
      summary = "Ask a question",
      description = "Composes a text lesson from the library, as a content request (one text unit of the monthly quota, one of the hour's questions). "
          + "When the library cannot answer, `inLibrary` is false and `closestSections` lists the nearest sections.")
  ResponseEntity<Lesson> ask(@RequestBody LessonQuestion body, Caller caller) {
    ContentRequestCommand command = ContentRequestCommand.of(body.question(), body.grade() == null ? 9 : body.grade(), body.interests(), body.sourceIds(), List.of("text"), null, null, null, null, null);
    ContentRequest created = requests.create(caller, command);
    Lesson lesson = lessons.get(new Visibility(caller.organization(), caller.userId(), Set.of(caller.userId())), created.lessonId());
    return ResponseEntity.created(URI.create("/api/v1/lessons/" + lesson.id())).body(lesson);
  }
}
