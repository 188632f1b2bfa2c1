package org.vividly.requests.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Lessons;
import org.vividly.media.MediaFailed;
import org.vividly.media.MediaStore;
import org.vividly.media.Narration;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.media.StoredMedia;
import org.vividly.media.VideoEncoder;
import org.vividly.requests.Modality;
import org.vividly.requests.Stage;
import org.vividly.storage.StorageProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audio and video stages of a request. Each stage records itself; a stage already completed
 * is skipped when its intermediate files are still in the request's work folder, and stored files
 * are named, not appended, so a rerun after a crash or retry produces exactly one set of files and
 * replaces (never adds to) the stage's measured use.
 */
@Component
class RenderPipeline {

  private static final Logger log = LoggerFactory.getLogger(RenderPipeline.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final RequestStore store;
  private final RequestOutcomes outcomes;
  private final Lessons lessons;
  private final Narration narration;
  private final MediaStore media;
  private final Pricing pricing;
  private final JsonMapper json;
  private final Path workRoot;
  private final io.micrometer.core.instrument.MeterRegistry meters;

  RenderPipeline(RequestStore store, RequestOutcomes outcomes, Lessons lessons, Narration narration, MediaStore media, Pricing pricing, JsonMapper json, StorageProperties storage, io.micrometer.core.instrument.MeterRegistry meters) {
    this.meters = meters;
    this.store = store;
    this.outcomes = outcomes;
    this.lessons = lessons;
    this.narration = narration;
    this.media = media;
    this.pricing = pricing;
    this.json = json;
    this.workRoot = storage.dataDir().resolve("work");
  }

  /** Narration as rendered: the script, when each slide starts and how long it shows. */
  record Narrated(NarrationScript script, List<Double> slideSeconds, double totalSeconds) {}

  /**
   * Runs the request's remaining stages.
   *
   * @param attempt 1 for the first try
   * @throws MediaFailed retriable, when a stage failed in a way another attempt may fix and
   *     attempts are left; every other failure finishes the request as failed
   */
  void render(UUID id, int attempt, int maxAttempts) {
    RequestStore.Row r = store.find(id).orElse(null);
    if (r == null || r.finished()) return;
    Path work = workRoot.resolve(id.toString());
    try {
      createDirectories(work);
      Lesson lesson = lessons.get(org.vividly.tenancy.Visibility.everyone(r.organization(), null), r.lessonId());
      Narrated narrated = stage(r, Stage.AUDIO_SYNTHESIS, work, u -> audio(r, lesson, work, u), () -> loadNarrated(work));
      if (r.wants(Modality.AUDIO)) store.setOutcome(id, Modality.AUDIO, "completed");
      if (r.wants(Modality.VIDEO)) {
        List<Path> slideImages = stage(r, Stage.SLIDE_RENDERING, work, u -> renderSlides(r, narrated, work, u), () -> narration.existingSlides(narrated.slideSeconds().size(), work).orElse(null));
        stage(r, Stage.VIDEO_RENDERING, work, u -> encode(r, slideImages, VideoEncoder.Format.MP4, work, narrated, u), () -> done(r, "lesson.mp4"));
        stage(r, Stage.FORMAT_CONVERSION, work, u -> encode(r, slideImages, VideoEncoder.Format.WEBM, work, narrated, u), () -> done(r, "lesson.webm"));
        store.setOutcome(id, Modality.VIDEO, "completed");
      }
      outcomes.finish(id);
      deleteQuietly(work);
    } catch (RequestDeleted e) {
      // Deleted while rendering: drop whatever this render stored since.
      media.deleteAll(r.organization(), id);
      deleteQuietly(work);
    } catch (MediaFailed e) {
      if (e.retriable() && attempt < maxAttempts) {
        log.warn("Request {} attempt {} of {} failed, will retry: {}", id, attempt, maxAttempts, e.getMessage());
        throw e;
      }
      outcomes.fail(id, e.getMessage() + (e.retriable() ? " (gave up after " + attempt + " attempts)" : ""));
      deleteQuietly(work);
    } catch (RuntimeException e) {
      // A bug or bad data: retrying cannot help, and the worker must live on.
      log.error("Request {} failed", id, e);
      outcomes.fail(id, "Rendering failed: " + e);
      deleteQuietly(work);
    }
  }

  private interface Work<T> {
    T run(StageUsage[] usage);
  }

  private interface Resume<T> {
    /** The stage's result from an earlier run, or null when it must run again. */
    T load();
  }

  /** The request was deleted while it rendered. */
  private static final class RequestDeleted extends RuntimeException {
    RequestDeleted() {
      super(null, null, false, false);
    }
  }

  private <T> T stage(RequestStore.Row r, Stage stage, Path work, Work<T> body, Resume<T> resume) {
    if (store.find(r.id()).isEmpty()) throw new RequestDeleted();
    boolean completed = store.stages(r.id()).stream().anyMatch(s -> s.stage() == stage && "completed".equals(s.status()));
    if (completed) {
      T earlier = resume.load();
      if (earlier != null) return earlier;
    }
    store.startStage(r.id(), stage);
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    double childrenStart = ChildCpu.seconds();
    StageUsage[] usage = {StageUsage.NONE};
    try {
      T result = body.run(usage);
      if (store.find(r.id()).isEmpty()) throw new RequestDeleted();
      StageUsage u = usage[0].withCpu((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9 + (ChildCpu.seconds() - childrenStart));
      store.completeStage(r.id(), stage, (System.nanoTime() - start) / 1_000_000, u, pricing.cost(u));
      rendered(stage, "completed", start);
      return result;
    } catch (RequestDeleted e) {
      throw e;
    } catch (RuntimeException e) {
      store.failStage(r.id(), stage, (System.nanoTime() - start) / 1_000_000, e.getMessage());
      rendered(stage, "failed", start);
      throw e;
    }
  }

  /** {@code vividly.render.stage}: wall time of each render stage run, by stage and outcome. */
  private void rendered(Stage stage, String outcome, long startNanos) {
    io.micrometer.core.instrument.Timer.builder("vividly.render.stage").description("One run of a render stage (narration, slides, video)")
        .tag("stage", stage.name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", outcome).register(meters)
        .record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private Narrated audio(RequestStore.Row r, Lesson lesson, Path work, StageUsage[] usage) {
    NarrationScript script = NarrationScript.of(lesson, r.audioLanguage());
    String written = Languages.detect(String.join(" ", script.sentences()), r.textLanguage());
    if (!written.equals(r.audioLanguage())) {
      script = script.translated(r.audioLanguage(), sentences -> {
        try {
          return lessons.translate(sentences, r.audioLanguage()).orElseThrow(() -> new MediaFailed(
              "The lesson is in " + name(written) + "; narrating it in " + name(r.audioLanguage()) + " needs a language model to translate it (set vividly.lessons.composer to openai or ollama).", false));
        } catch (MediaFailed e) {
          throw e;
        } catch (RuntimeException e) {
          throw new MediaFailed("Translating the narration failed: " + e.getMessage(), true, e);
        }
      });
    }
    Narration.Audio audio = narration.speak(script.parts(), new SpeechSynthesizer.Voice(r.audioLanguage(), null, r.voiceRate()), work);
    Narrated narrated = new Narrated(script, audio.slideSeconds(), audio.totalSeconds());
    write(work.resolve("narrated.json"), json.writeValueAsString(narrated));
    long bytes = put(r, "captions.vtt", audio.webVtt(), "text/vtt;charset=utf-8", true) + put(r, "captions.srt", audio.srt(), "application/x-subrip;charset=utf-8", true);
    if (r.wants(Modality.AUDIO)) bytes += put(r, "narration.m4a", audio.m4a(), "audio/mp4", false);
    usage[0] = new StageUsage(0, audio.totalSeconds(), 0, 0, audio.peakRssKb(), bytes);
    return narrated;
  }

  private Narrated loadNarrated(Path work) {
    Path file = work.resolve("narrated.json");
    if (!Files.isRegularFile(file) || !Files.isRegularFile(work.resolve("narration.wav")) || !Files.isRegularFile(work.resolve("captions.vtt"))) return null;
    try {
      return json.readValue(Files.readString(file), Narrated.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private List<Path> renderSlides(RequestStore.Row r, Narrated narrated, Path work, StageUsage[] usage) {
    Narration.Slides slides = narration.slides(narrated.script().parts(), width(r), work);
    usage[0] = StageUsage.NONE.withBytes(put(r, "thumbnail.png", slides.thumbnail(), "image/png", false));
    return slides.images();
  }

  private Boolean encode(RequestStore.Row r, List<Path> slideImages, VideoEncoder.Format format, Path work, Narrated narrated, StageUsage[] usage) {
    Path out = work.resolve("lesson." + format.extension);
    VideoEncoder.Encoded encoded = narration.video(slideImages, narrated.slideSeconds(), work.resolve("narration.wav"), work.resolve("captions.vtt"), width(r), r.audioLanguage(), format, out);
    long bytes = put(r, out.getFileName().toString(), out, format.contentType, false);
    usage[0] = new StageUsage(0, 0, narrated.totalSeconds(), 0, encoded.peakRssKb(), bytes);
    return Boolean.TRUE;
  }

  private static int width(RequestStore.Row r) {
    return r.resolution() == 1080 ? 1920 : 1280;
  }

  private Boolean done(RequestStore.Row r, String name) {
    return media.find(r.organization(), r.id(), name).isPresent() ? Boolean.TRUE : null;
  }

  private long put(RequestStore.Row r, String name, Path file, String contentType, boolean copy) {
    Path source = file;
    if (copy) {
      source = file.resolveSibling(file.getFileName() + ".store");
      try {
        Files.copy(file, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw MediaFailed.of("Could not copy " + name, e);
      }
    }
    StoredMedia stored = media.put(r.organization(), r.id(), name, source, contentType);
    store.addFormat(r.id(), name);
    return stored.sizeBytes();
  }

  private static String name(String language) {
    return Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw MediaFailed.of("Could not write " + file.getFileName(), e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw MediaFailed.of("Could not create " + dir, e);
    }
  }

  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
