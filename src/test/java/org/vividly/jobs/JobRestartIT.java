package org.vividly.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.vividly.demo.DemoDistrict;
import org.vividly.support.ApiCalls;
import org.vividly.support.LaunchedServer;
import org.vividly.support.SharedData;
import org.vividly.support.Zip;
import tools.jackson.databind.JsonNode;

/**
 * Durability of background jobs on the default setup (embedded PostgreSQL under {@code ./data}):
 * the packaged server is killed with SIGKILL while it ingests a real book, then started again. The
 * first start after the kill must succeed (the killed server's PostgreSQL is still running on the
 * data folder), the job must run again by itself and end with the chunks of a clean ingestion, once.
 */
class JobRestartIT {

  private Path folder;
  private LaunchedServer server;

  @AfterEach
  void stop() throws Exception {
    try {
      if (server != null) server.stop();
    } finally {
      if (folder != null) FileSystemUtils.deleteRecursively(folder);
    }
  }

  @Test
  void aBookIngestionKilledMidwayCompletesAfterRestartWithTheChunksOfACleanRun() throws Exception {
    Path book = SharedData.require("openstax/physics-hs");
    byte[] zip = Zip.of(Zip.folder(book, new HashMap<>()));
    folder = Files.createTempDirectory("vividly-job-restart-");
    server = LaunchedServer.demo(folder, Duration.ofMinutes(3));
    RestClient admin = admin(server);
    String id = upload(admin, zip).path("id").asString();

    JsonNode running = await(admin, id, Duration.ofMinutes(5), job -> job.path("status").asString().matches("succeeded|failed") || job.path("chunksTotal").asInt() > 0 && job.path("chunksDone").asInt() >= job.path("chunksTotal").asInt() / 4);
    assertThat(running.path("status").asString()).as("finished before it could be killed: " + running).isEqualTo("running");
    server.kill();

    long restarted = System.nanoTime();
    server = server.startAgain("server-after-kill.log", Duration.ofMinutes(3));
    admin = admin(server);
    JsonNode done = await(admin, id, Duration.ofMinutes(10), job -> job.path("status").asString().matches("succeeded|failed"));
    double seconds = (System.nanoTime() - restarted) / 1e9;
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
    assertThat(done.path("attempts").asInt()).as("runs of the job").isEqualTo(2);
    int chunks = done.path("chunksTotal").asInt();
    System.out.printf("JobRestartIT: killed at %d of %d chunks; after the restart the job ran again and finished in %.1f s from the start command%n", running.path("chunksDone").asInt(), chunks, seconds);

    JsonNode physics = admin.get().uri("/api/v1/sources").retrieve().body(JsonNode.class).valueStream()
        .filter(s -> s.path("title").asString().equals("Physics")).findFirst().orElseThrow();
    assertThat(physics.path("chunks").asInt()).as("chunks stored, against those the ingestion planned").isEqualTo(chunks);
    assertThat(physics.path("sections").asInt()).isEqualTo(100);

    // What is stored is what a clean ingestion stores: ingesting the book again changes nothing.
    JsonNode again = await(admin, upload(admin, zip).path("id").asString(), Duration.ofMinutes(5), job -> job.path("status").asString().matches("succeeded|failed"));
    assertThat(again.path("status").asString()).as(again.toString()).isEqualTo("succeeded");
    JsonNode report = again.path("report").path("sources").get(0);
    assertThat(report.path("sectionsChanged").asInt()).as(report.toString()).isZero();
    assertThat(report.path("chunksAdded").asInt()).as(report.toString()).isZero();
    assertThat(server.output()).as("the killed server's PostgreSQL was still running on the data folder").contains("left by a server that stopped without shutting it down");
    assertThat(server.output()).contains("runs again, attempt 2");
    try (var uploads = Files.list(folder.resolve("data/uploads"))) {
      assertThat(uploads.toList()).as("uploads are deleted once their jobs end").isEmpty();
    }
  }

  @Test
  void aTranscriptionKilledMidwayFinishesAfterRestart() throws Exception {
    Path speech = SharedData.require("audio/whisper_jfk/jfk.flac");
    folder = Files.createTempDirectory("vividly-job-restart-");
    // About two minutes of speech, so the kill lands while pocketsphinx is still at it.
    Path recording = folder.resolve("lecture.wav");
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-stream_loop", "11", "-i", speech.toString(), "-ar", "16000", "-ac", "1", recording.toString()).inheritIO().start();
    assertThat(ffmpeg.waitFor()).as("ffmpeg").isZero();
    server = LaunchedServer.demo(folder, Duration.ofMinutes(3));
    RestClient admin = admin(server);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("media", new org.springframework.core.io.FileSystemResource(recording));
    parts.add("title", "Ask not");
    String id = admin.post().uri("/api/v1/videos").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class).path("id").asString();

    JsonNode transcribing = awaitVideo(admin, id, Duration.ofMinutes(3), v -> !v.path("status").asString().matches("queued"));
    assertThat(transcribing.path("status").asString()).as(transcribing.toString()).isEqualTo("transcribing");
    Thread.sleep(2000);
    server.kill();

    server = server.startAgain("server-after-kill-transcribing.log", Duration.ofMinutes(3));
    admin = admin(server);
    JsonNode done = awaitVideo(admin, id, Duration.ofMinutes(6), v -> v.path("status").asString().matches("ready|failed"));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("ready");
    JsonNode job = admin.get().uri("/api/v1/jobs/{id}", done.path("jobId").asString()).retrieve().body(JsonNode.class);
    assertThat(job.path("attempts").asInt()).as(job.toString()).isEqualTo(2);
    assertThat(done.path("sourceId").isNull()).as("its transcript is in the library").isFalse();
  }

  private static JsonNode awaitVideo(RestClient admin, String id, Duration timeout, Predicate<JsonNode> until) throws InterruptedException {
    return await(admin, "/api/v1/videos/{id}", id, timeout, until);
  }

  private static RestClient admin(LaunchedServer server) {
    String token = ApiCalls.signIn(server.url(), DemoDistrict.SIGN_INS.get("org admin"), DemoDistrict.PASSWORD);
    return RestClient.builder().baseUrl(server.url()).defaultHeader("Authorization", "Bearer " + token).build();
  }

  private static JsonNode upload(RestClient admin, byte[] zip) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(zip) {
      @Override
      public String getFilename() {
        return "physics.zip";
      }
    });
    return admin.post().uri("/api/v1/ingestions").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class);
  }

  private static JsonNode await(RestClient admin, String id, Duration timeout, Predicate<JsonNode> until) throws InterruptedException {
    return await(admin, "/api/v1/jobs/{id}", id, timeout, until);
  }

  /** Polls {@code uri} every 1.5 s (the demo keeps its API rate limit) until {@code until} holds. */
  private static JsonNode await(RestClient admin, String uri, String id, Duration timeout, Predicate<JsonNode> until) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      var response = admin.get().uri(uri, id).retrieve().onStatus(status -> status == HttpStatus.TOO_MANY_REQUESTS, (request, r) -> {}).toEntity(JsonNode.class);
      if (response.getStatusCode().is2xxSuccessful()) {
        last = response.getBody();
        if (until.test(last)) return last;
      }
      Thread.sleep(1500);
    }
    throw new AssertionError(uri.replace("{id}", id) + " did not get there within " + timeout + ": " + last);
  }
}
