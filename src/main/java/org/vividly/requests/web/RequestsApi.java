package org.vividly.requests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vividly.common.NotFound;
import org.vividly.common.ServerSentEvents;
import org.vividly.media.MediaResource;
import org.vividly.quota.Meter;
import org.vividly.quota.Metered;
import org.vividly.ratelimit.OwnRateLimit;
import org.vividly.requests.ContentRequest;
import org.vividly.requests.ContentRequestCommand;
import org.vividly.media.MediaResource;
import org.vividly.requests.ContentRequests;
import org.vividly.requests.ModalityUsage;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Visibility;

@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Content requests", description = "A question answered as text, narrated audio and narrated slide video, tracked by stage")
class RequestsApi {

  private final ContentRequests requests;

  RequestsApi(ContentRequests requests) {
    this.requests = requests;
  }

  /**
   * @param modalities any of {@code text}, {@code audio}, {@code video}; text is always included
   * @param preferredModality the one to show first; default the richest asked for
   * @param textLanguage language of the library's text (ISO 639-1), default {@code en}
   * @param audioLanguage narration language (ISO 639-1), default {@code textLanguage}
   * @param resolution 720 (default) or 1080
   * @param voiceRate speaking rate 0.5-2.0, default 1.0
   */
  record NewContentRequest(String question, Integer grade, List<String> interests, Set<UUID> sourceIds, List<String> modalities, String preferredModality, String textLanguage, String audioLanguage, Integer resolution, Double voiceRate) {}

  @Metered({Meter.TEXT, Meter.VIDEO})
  @PostMapping
  @Operation(
      summary = "Ask for a lesson in one or more modalities",
      description = "Answers the text lesson at once (`lessonId`; GET /api/v1/lessons/{id}). When audio or video was asked for and can be made here, "
          + "the answer is 202 Accepted and they render in the background: follow `/events` or poll the request. A modality that cannot be made here "
          + "(no speech engine or ffmpeg, or nothing to narrate) is marked `unavailable` in `outcomes` with the reason in `error`.")
  ResponseEntity<ContentRequest> create(@RequestBody NewContentRequest body, Caller caller) {
    ContentRequestCommand command = ContentRequestCommand.of(body.question(), body.grade() == null ? 9 : body.grade(), body.interests(), body.sourceIds(), body.modalities(), body.preferredModality(), body.textLanguage(), body.audioLanguage(), body.resolution(), body.voiceRate());
    ContentRequest created = requests.create(caller, command);
    return ResponseEntity.status(created.finished() ? HttpStatus.CREATED : HttpStatus.ACCEPTED).location(URI.create("/api/v1/requests/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A request with its stages, outcomes, files and cost")
  ContentRequest get(@PathVariable UUID id, Visibility visibility) {
    return requests.get(visibility, id);
  }

  @GetMapping
  @Operation(summary = "Recent requests, newest first")
  List<ContentRequest> recent(@RequestParam(defaultValue = "20") int limit, Visibility visibility) {
    return requests.recent(visibility, Math.clamp(limit, 1, 200));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a request and its files")
  ResponseEntity<Void> delete(@PathVariable UUID id, Visibility visibility) {
    requests.delete(visibility, id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/usage")
  @Operation(summary = "Modality usage summary", description = "Per modality: requests, successes, failures, success rate, average generation time and cost.")
  List<ModalityUsage> usage(Caller caller) {
    return requests.usage(caller.organization());
  }

  @GetMapping("/{id}/files/{name}")
  @OwnRateLimit("media files: a player fetches one in many range requests, and seeking makes more")
  @Operation(
      summary = "A produced file (lesson.md, narration.m4a, lesson.mp4, lesson.webm, captions.vtt, captions.srt, thumbnail.png)",
      description = "Supports HTTP range requests (206 Partial Content), so players can seek. Add `download=true` to save it instead of playing it.")
  ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable String name, @RequestParam(defaultValue = "false") boolean download, Visibility visibility) {
    MediaResource file = requests.file(visibility, id, name).filter(MediaResource::exists).orElseThrow(() -> new NotFound("File", name));
    ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline()).filename(name).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.media().contentType()))
        .eTag("\"" + file.media().sha256() + "\"")
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .header("Content-Disposition", disposition.toString())
        .body(file);
  }

  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Follow a request as Server-Sent Events",
      description = "Sends a `progress` event with the request whenever it changes (checked every half second), then one `done` event with the finished request, and closes.")
  SseEmitter events(@PathVariable UUID id, Visibility visibility) {
    requests.get(visibility, id);
    return ServerSentEvents.follow("request:" + id, () -> requests.get(visibility, id), ContentRequest::finished);
  }
}
