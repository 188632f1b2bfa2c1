package org.vividly.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.vividly.support.IntegrationTest;
import org.vividly.support.Media;
import tools.jackson.databind.JsonNode;

/** Text, audio and video requests end to end: real Festival, real ffmpeg, checked with ffprobe. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentRequestsIT extends IntegrationTest {

  @Value("${vividly.storage.data-dir}")
  Path dataDir;

  @Override
  protected String organization() {
    return "requests-it";
  }

  @BeforeAll
  void library() throws IOException {
    assumeThat(Media.installed("ffmpeg") && Media.installed("festival")).as("ffmpeg and festival are needed: apt-get install ffmpeg festival festvox-us-slt-hts espeak-ng").isTrue();
    ingest("photosynthesis.md", getClass().getResourceAsStream("/demo/photosynthesis.md").readAllBytes());
  }

  @Test
  void rendersNarratedVideoWithCaptionsTimedByTheNarration() throws Exception {
    HttpResponse<String> created = postJson("/api/v1/requests", Map.of("question", "How do plants make food from sunlight?", "grade", 7, "interests", List.of("soccer"), "modalities", List.of("text", "audio", "video")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    JsonNode request = json(created);
    assertThat(request.path("outcomes").path("text").asString()).isEqualTo("completed");
    assertThat(request.path("formatsProduced").toString()).contains("lesson.md");

    JsonNode done = await(request.path("id").asString());
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("outcomes").toString()).isEqualTo("{\"text\":\"completed\",\"audio\":\"completed\",\"video\":\"completed\"}");
    assertThat(done.path("files").valueStream().map(f -> f.path("name").asString()).toList())
        .containsExactlyInAnyOrder("lesson.md", "narration.m4a", "lesson.mp4", "lesson.webm", "captions.vtt", "captions.srt", "thumbnail.png");
    for (JsonNode stage : done.path("stages")) {
      assertThat(stage.path("status").asString()).as(stage.toString()).isEqualTo("completed");
      assertThat(stage.path("attempts").asInt()).isEqualTo(1);
      assertThat(stage.path("durationMs").isNumber()).isTrue();
    }
    JsonNode audioStage = stage(done, "audio_synthesis");
    assertThat(audioStage.path("audioSeconds").asDouble()).isGreaterThan(5);
    assertThat(audioStage.path("cpuSeconds").asDouble()).isGreaterThan(0);
    assertThat(stage(done, "video_rendering").path("peakRssKb").asLong()).isGreaterThan(0);
    assertThat(done.path("costUsd").path("total").decimalValue()).isPositive();

    Path dir = Files.createTempDirectory("request-files");
    Path mp4 = download(done, "lesson.mp4", dir);
    Path webm = download(done, "lesson.webm", dir);
    Path m4a = download(done, "narration.m4a", dir);
    String vtt = Files.readString(download(done, "captions.vtt", dir));
    String srt = Files.readString(download(done, "captions.srt", dir));

    JsonNode mp4Probe = Media.probe(mp4);
    assertThat(Media.codecs(mp4Probe)).containsExactly("h264", "aac", "mov_text");
    assertThat(mp4Probe.path("streams").get(0).path("width").asInt()).isEqualTo(1280);
    assertThat(mp4Probe.path("streams").get(0).path("height").asInt()).isEqualTo(720);
    assertThat(Media.codecs(Media.probe(webm))).containsExactly("vp9", "opus", "webvtt");
    double audio = Media.duration(Media.probe(m4a));
    double video = Media.duration(mp4Probe);
    assertThat(video).isCloseTo(audio, org.assertj.core.data.Offset.offset(0.5));
    assertThat(Media.duration(Media.probe(webm))).isCloseTo(audio, org.assertj.core.data.Offset.offset(0.5));

    List<String> cueTimes = vtt.lines().filter(l -> l.contains(" --> ")).toList();
    assertThat(vtt).startsWith("WEBVTT");
    assertThat(srt.lines().filter(l -> l.contains(" --> ")).count()).isEqualTo(cueTimes.size());
    assertThat(cueTimes).hasSizeGreaterThan(3);
    double lastEnd = seconds(cueTimes.getLast().split(" --> ")[1]);
    // The last cue ends when the last sentence does; only the closing pause follows it.
    assertThat(audio - lastEnd).isBetween(0.0, 1.0);
    assertThat(Math.abs(audio - lastEnd)).isLessThan(0.8);

    // The player seeks with range requests.
    HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(url(done.path("files").valueStream().filter(f -> f.path("name").asString().equals("lesson.mp4")).findFirst().orElseThrow().path("url").asString())))
        .header("Authorization", auth()).header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).hasSize(100);
    assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + Files.size(mp4));
  }

  @Test
  void outOfLibraryQuestionGetsTextOnlyAndSaysWhyThereIsNoVideo() {
    JsonNode request = json(postJson("/api/v1/requests", Map.of("question", "Who won the 2010 football World Cup final?", "modalities", List.of("text", "video"))));
    assertThat(request.path("status").asString()).isEqualTo("failed");
    assertThat(request.path("outcomes").path("text").asString()).isEqualTo("completed");
    assertThat(request.path("outcomes").path("video").asString()).isEqualTo("unavailable");
    assertThat(request.path("error").asString()).contains("Video is unavailable").contains("not answered in your library");
    assertThat(stage(request, "video_rendering").path("status").asString()).isEqualTo("skipped");
  }

  @Test
  void rejectsUnknownModalityAndBadResolutionAsProblemDetails() {
    HttpResponse<String> modality = postJson("/api/v1/requests", Map.of("question", "What is photosynthesis?", "modalities", List.of("hologram")));
    assertThat(modality.statusCode()).isEqualTo(400);
    assertThat(json(modality).path("detail").asString()).contains("Unknown modality 'hologram'");
    HttpResponse<String> resolution = postJson("/api/v1/requests", Map.of("question", "What is photosynthesis?", "modalities", List.of("video"), "resolution", 480));
    assertThat(resolution.statusCode()).isEqualTo(400);
    assertThat(json(resolution).path("detail").asString()).contains("resolution must be 720 or 1080");
    assertThat(json(get("/api/v1/requests?limit=200")).valueStream().map(r -> r.path("question").asString()).toList()).doesNotContain("What is photosynthesis?");
  }

  @Test
  void deletingARequestDeletesItsFiles() throws Exception {
    JsonNode done = await(json(postJson("/api/v1/requests", Map.of("question", "What does chlorophyll absorb?", "modalities", List.of("audio")))).path("id").asString());
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("outcomes").has("video")).isFalse();
    long before = mediaFiles();
    assertThat(delete("/api/v1/requests/" + done.path("id").asString()).statusCode()).isEqualTo(204);
    assertThat(get("/api/v1/requests/" + done.path("id").asString()).statusCode()).isEqualTo(404);
    assertThat(mediaFiles()).isLessThanOrEqualTo(before - 3);
  }

  @Test
  void aRequestDeletedWhileItRendersLeavesNoFilesBehind() throws Exception {
    String id = json(postJson("/api/v1/requests", Map.of("question", "How do plants make food from sunlight?", "modalities", List.of("video")))).path("id").asString();
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline && !json(get("/api/v1/requests/" + id)).path("currentStage").asString("").equals("audio_synthesis")) Thread.sleep(20);
    assertThat(delete("/api/v1/requests/" + id).statusCode()).isEqualTo(204);
    // The render notices at its next stage boundary and drops what it stored.
    deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline && (mediaRows(id) > 0 || rendering(id))) Thread.sleep(200);
    assertThat(mediaRows(id)).isZero();
    assertThat(dataDir.resolve("work").resolve(id)).doesNotExist();
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private int mediaRows(String id) {
    return jdbc.sql("SELECT count(*) FROM media_file WHERE owner_id = ?::uuid").param(id).query(Integer.class).single();
  }

  private boolean rendering(String id) {
    return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?").param(id).query(Integer.class).single() > 0;
  }

  @Test
  void usageSummaryCountsRequestsPerModality() {
    json(postJson("/api/v1/requests", Map.of("question", "Why are leaves green?", "modalities", List.of("text"))));
    JsonNode usage = json(get("/api/v1/requests/usage"));
    JsonNode text = usage.valueStream().filter(u -> u.path("modality").asString().equals("text")).findFirst().orElseThrow();
    assertThat(text.path("requests").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(text.path("successRate").asDouble()).isEqualTo(1.0);
    assertThat(text.path("avgGenerationMs").asDouble()).isPositive();
  }

  @Test
  void otherOrganizationsCannotSeeARequestOrItsFiles() {
    JsonNode request = json(postJson("/api/v1/requests", Map.of("question", "How do plants make food?", "modalities", List.of("text"))));
    HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(url("/api/v1/requests/" + request.path("id").asString() + "/files/lesson.md"))).header("Authorization", auth("someone-else")).build());
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("chlorophyll");
  }

  private long mediaFiles() throws IOException {
    Path media = dataDir.resolve("media");
    if (!Files.exists(media)) return 0;
    try (var files = Files.walk(media)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private JsonNode await(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r = json(get("/api/v1/requests/" + id));
      if (r.path("status").asString().matches("completed|failed")) return r;
      Thread.sleep(250);
    }
    throw new AssertionError("request " + id + " did not finish");
  }

  private Path download(JsonNode request, String name, Path dir) throws Exception {
    String link = request.path("files").valueStream().filter(f -> f.path("name").asString().equals(name)).findFirst().orElseThrow().path("url").asString();
    HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(url(link))).header("Authorization", auth()).build(), HttpResponse.BodyHandlers.ofFile(dir.resolve(name)));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode stage(JsonNode request, String name) {
    return request.path("stages").valueStream().filter(s -> s.path("stage").asString().equals(name)).findFirst().orElseThrow();
  }

  static double seconds(String vttTime) {
    String[] p = vttTime.strip().split("[:.]");
    return Integer.parseInt(p[0]) * 3600 + Integer.parseInt(p[1]) * 60 + Integer.parseInt(p[2]) + Integer.parseInt(p[3]) / 1000.0;
  }
}
