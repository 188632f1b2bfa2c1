package org.vividly.requests;

import org.vividly.common.ClientMessages;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vividly.lessons.LessonMarkdown;
import org.vividly.lessons.Lessons;
import org.vividly.media.MediaEngines;
import org.vividly.media.MediaResource;
import org.vividly.media.MediaStore;

import org.vividly.requests.internal.RequestLifecycle;
import org.vividly.requests.internal.RequestStore;
import org.vividly.quota.Meter;
import org.vividly.quota.QuotaExceeded;
import org.vividly.ratelimit.RateLimitExceeded;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Visibility;

/**
 * Creates and follows content requests. {@link #create} answers the text at once (the received,
 * retrieval and script stages run in the caller's thread) and queues audio and video on the
 * durable render job.
 */
@Service
public class ContentRequests {

  private final RequestStore store;
  private final RequestLifecycle lifecycle;
  private final Lessons lessons;
  private final MediaEngines engines;
  private final MediaStore media;

  private final QuestionPolicy policy;

  ContentRequests(RequestStore store, RequestLifecycle lifecycle, Lessons lessons, MediaEngines engines, MediaStore media, QuestionPolicy policy) {
    this.policy = policy;
    this.store = store;
    this.lifecycle = lifecycle;
    this.lessons = lessons;
    this.engines = engines;
    this.media = media;
  }

  /**
   * Asks a question for {@code caller}: the one way in for a question, from the API, the ask page
   * and the CLI. The command was checked when it was made, so only accepted work reaches this
   * point: {@link QuestionPolicy} charges it (the video meter when audio or video is asked for,
   * else the text meter), given back if the request fails.
   *
   * @return the request; audio and video, when asked for and possible here, are still rendering
   * @throws RateLimitExceeded when the caller asked too many questions this hour
   * @throws QuotaExceeded when the caller has no requests of that meter left this month
   */
  public ContentRequest create(Caller caller, ContentRequestCommand command) {
    OrganizationId org = caller.organization();
    Visibility own = new Visibility(org, caller.userId(), java.util.Set.of(caller.userId()));
    Instant received = Instant.now();
    long start = System.nanoTime();
    UUID id = UUID.randomUUID();
    List<Stage> stages = new ArrayList<>(List.of(Stage.RECEIVED, Stage.RETRIEVAL, Stage.SCRIPT));
    boolean narrate = command.modalities().contains(Modality.AUDIO) || command.modalities().contains(Modality.VIDEO);
    if (narrate) stages.add(Stage.AUDIO_SYNTHESIS);
    if (command.modalities().contains(Modality.VIDEO)) stages.addAll(List.of(Stage.SLIDE_RENDERING, Stage.VIDEO_RENDERING, Stage.FORMAT_CONVERSION));
    policy.admit(caller, narrate ? Meter.VIDEO : Meter.TEXT, id);
    try {
      store.insert(org, caller.userId(), id, command, stages);
    } catch (RuntimeException e) {
      policy.release(id);
      throw e;
    }
    lifecycle.record(id, Stage.RECEIVED, received, (System.nanoTime() - start) / 1_000_000, 0, 0, 0);

    Instant asked = Instant.now();
    Lessons.Answer answer;
    try {
      answer = lessons.answer(org, caller.userId(), command.lesson());
    } catch (RuntimeException e) {
      lifecycle.fail(id, "Retrieval failed: " + ClientMessages.of(e, "Retrieval for request " + id));
      throw e;
    }
    store.setLesson(id, answer.lesson().id());
    // CPU is not recorded for these stages: they run on a virtual request thread, whose CPU time
    // the JVM does not measure, and the embedding model computes on its own threads.
    lifecycle.record(id, Stage.RETRIEVAL, asked, answer.retrievalMs(), 0, 0, 0);
    Path markdown = lifecycle.tempFile(id, "lesson.md", LessonMarkdown.render(answer.lesson()).getBytes(StandardCharsets.UTF_8));
    long bytes = lifecycle.store(org, id, "lesson.md", markdown, "text/markdown;charset=utf-8");
    lifecycle.record(id, Stage.SCRIPT, asked.plusMillis(answer.retrievalMs()), answer.compositionMs(), 0, answer.llmTokens(), bytes);
    lifecycle.outcome(id, Modality.TEXT, "completed");

    if (narrate) {
      // Audio and video both narrate, so they are possible or not together.
      Optional<String> unavailable = !answer.lesson().inLibrary()
          ? Optional.of("the question is not answered in your library, so there is nothing to narrate.")
          : engines.narrationUnavailable(command.audioLanguage());
      if (unavailable.isEmpty()) {
        lifecycle.submit(id);
        return get(own, id);
      }
      for (Modality m : List.of(Modality.AUDIO, Modality.VIDEO)) {
        if (command.modalities().contains(m)) lifecycle.unavailable(id, m, unavailable.get());
      }
    }
    lifecycle.finish(id);
    return get(own, id);
  }

  /** A request the caller may see (their own, their students', or any in the organization for admins). */
  public ContentRequest get(Visibility visibility, UUID id) {
    return store.find(visibility, id).map(r -> view(r)).orElseThrow(() -> new ContentRequestNotFound(id));
  }

  public List<ContentRequest> recent(Visibility visibility, int limit) {
    return store.recent(visibility, limit).stream().map(this::view).toList();
  }

  /**
   * Deletes the request, its stage records and its files; a queued render is cancelled. Only the
   * person who asked, or an admin, may: a teacher sees their students' requests but cannot delete them.
   *
   * @throws org.vividly.common.Forbidden when the caller may see the request but not delete it
   */
  public void delete(Visibility visibility, UUID id) {
    store.find(visibility, id).orElseThrow(() -> new ContentRequestNotFound(id));
    if (!visibility.everyone() && !store.owner(id).map(visibility.caller()::equals).orElse(false)) {
      throw new org.vividly.common.Forbidden("Only the person who asked, or an administrator, may delete this request");
    }
    lifecycle.delete(visibility.organization(), id);
  }

  /**
   * A produced file of a request the caller may see, as a resource that streams its content from
   * the media store (with range requests); empty when the request has no file of that name.
   */
  public Optional<MediaResource> file(Visibility visibility, UUID id, String name) {
    store.find(visibility, id).orElseThrow(() -> new ContentRequestNotFound(id));
    return media.find(visibility.organization(), id, name).map(media::resource);
  }

  /** Requests, average generation time and success rate per modality. */
  public List<ModalityUsage> usage(OrganizationId org) {
    return store.usage(org);
  }

  private ContentRequest view(RequestStore.Row r) {
    List<RequestStore.StageRow> stages = store.stages(r.id());
    Map<String, BigDecimal> cost = new LinkedHashMap<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (RequestStore.StageRow s : stages) {
      cost.merge(s.stage().modality.key(), s.costUsd(), BigDecimal::add);
      sum = sum.add(s.costUsd());
    }
    cost.put("total", sum);
    long active = stages.stream().filter(s -> !"skipped".equals(s.status())).count();
    long done = stages.stream().filter(s -> "completed".equals(s.status())).count();
    double progress = r.finished() ? 1.0 : active == 0 ? 0 : Math.round(1000.0 * done / active) / 1000.0;
    String base = "/api/v1/requests/" + r.id() + "/files/";
    List<ContentRequest.MediaFileLink> files = media.list(r.organization(), r.id()).stream().map(m -> new ContentRequest.MediaFileLink(m.name(), m.contentType(), m.sizeBytes(), base + m.name())).toList();
    List<ContentRequest.StageRun> runs = stages.stream().map(s -> new ContentRequest.StageRun(
        s.stage().key(), s.stage().label(), s.stage().modality.key(), s.status(), s.startedAt(), s.endedAt(), s.durationMs(), s.attempts(), s.error(),
        round(s.usage().cpuSeconds()), round(s.usage().audioSeconds()), round(s.usage().videoSeconds()), s.usage().llmTokens(), s.usage().peakRssKb(), s.usage().bytesOut(), s.costUsd())).toList();
    return new ContentRequest(r.id(), r.question(), r.grade(), r.interests(), r.modalities(), r.preferred(), r.textLanguage(), r.audioLanguage(), r.resolution(), r.lessonId(),
        r.status(), r.currentStage(), r.outcomes(), r.formats(), r.error(), progress, runs, files, cost, r.createdAt(), r.completedAt());
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
