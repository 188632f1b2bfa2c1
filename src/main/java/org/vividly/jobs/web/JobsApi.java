package org.vividly.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vividly.common.NotFound;
import org.vividly.common.ServerSentEvents;
import org.vividly.jobs.JobView;
import org.vividly.jobs.Jobs;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Progress and results of ingestion, reindexing and evaluation")
class JobsApi {

  private final Jobs jobs;

  JobsApi(Jobs jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/{id}")
  @Operation(summary = "A job with its progress (sections parsed, chunks embedded) and, when finished, its report")
  JobView get(@PathVariable UUID id, Caller caller) {
    return jobs.find(caller.organization(), id).orElseThrow(() -> new NotFound("Job", id));
  }

  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Follow a job as Server-Sent Events",
      description = "Sends a `progress` event with the job whenever it changed (checked every half second), then one `done` event with the finished job, and closes.")
  SseEmitter events(@PathVariable UUID id, Caller caller) {
    OrganizationId org = caller.organization();
    jobs.find(org, id).orElseThrow(() -> new NotFound("Job", id));
    return ServerSentEvents.follow("job:" + id, () -> jobs.find(org, id).orElseThrow(() -> new NotFound("Job", id)), JobView::finished);
  }

  @GetMapping
  @Operation(summary = "Recent jobs, newest first")
  List<JobView> recent(@RequestParam(defaultValue = "20") int limit, Caller caller) {
    return jobs.recent(caller.organization(), Math.clamp(limit, 1, 200));
  }
}
