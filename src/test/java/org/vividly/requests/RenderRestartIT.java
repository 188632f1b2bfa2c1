package org.vividly.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.vividly.support.ApiCalls;
import org.vividly.support.OwnServer;
import org.vividly.support.Media;
import org.vividly.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durability: the packaged server is killed with SIGKILL in the middle of a render and started
 * again; the request completes with exactly one set of files.
 */
class RenderRestartIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private Process server;

  @AfterEach
  void stop() {
    if (server != null) server.destroyForcibly();
  }

  @Test
  void aRenderKilledMidwayCompletesAfterRestartWithOneSetOfFiles() throws Exception {
    assumeThat(Media.installed("ffmpeg") && Media.installed("festival")).as("ffmpeg and festival are needed").isTrue();
    Path jar = Path.of("target/vividly.jar");
    assertThat(jar).as("the packaged jar (mvn package runs before the integration tests)").exists();
    String db = TestDatabase.create("vividly_restart_" + Long.toHexString(System.nanoTime()));
    Path data = Files.createTempDirectory("vividly-restart-");
    int port = freePort();
    String base = "http://localhost:" + port;

    server = start(jar, db, data, port);
    awaitUp(base);
    ingest(base);
    JsonNode created = JSON.readTree(post(base + "/api/v1/requests", Map.of("question", "How do plants make food from sunlight?", "modalities", List.of("audio", "video"))));
    String id = created.path("id").asString();

    // Kill it once a render stage is running.
    String killedIn = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (killedIn == null && System.nanoTime() < deadline) {
      JsonNode r = JSON.readTree(get(base + "/api/v1/requests/" + id));
      assertThat(r.path("status").asString()).as("finished before it could be killed").isNotIn("completed", "failed");
      for (JsonNode s : r.path("stages")) {
        if (s.path("status").asString().equals("running") && !s.path("modality").asString().equals("text")) killedIn = s.path("stage").asString();
      }
      if (killedIn == null) Thread.sleep(50);
    }
    assertThat(killedIn).isNotNull();
    Thread.sleep(300);
    server.destroyForcibly().waitFor();

    server = start(jar, db, data, port);
    awaitUp(base);
    JsonNode done = null;
    deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      done = JSON.readTree(get(base + "/api/v1/requests/" + id));
      if (done.path("status").asString().matches("completed|failed")) break;
      Thread.sleep(500);
    }
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("files").valueStream().map(f -> f.path("name").asString()).toList())
        .containsExactlyInAnyOrder("lesson.md", "narration.m4a", "lesson.mp4", "lesson.webm", "captions.vtt", "captions.srt", "thumbnail.png");
    JsonNode interrupted = ContentRequestsIT.stage(done, killedIn);
    assertThat(interrupted.path("attempts").asInt()).as(interrupted.toString()).isEqualTo(2);
    assertThat(interrupted.path("status").asString()).isEqualTo("completed");

    // Exactly one set: one row per name, and on disk one file per distinct content, nothing else.
    Set<String> hashes = new HashSet<>();
    try (var c = DriverManager.getConnection(db, "postgres", "")) {
      var rs = c.createStatement().executeQuery("SELECT name, sha256 FROM media_file");
      int rows = 0;
      while (rs.next()) {
        rows++;
        hashes.add(rs.getString(2));
      }
      assertThat(rows).isEqualTo(7);
    }
    try (var files = Files.walk(data.resolve("media"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(hashes);
    }
    try (var work = Files.list(data.resolve("work"))) {
      assertThat(work.toList()).as("the work folder is cleaned up").isEmpty();
    }
  }

  private static Process start(Path jar, String db, Path data, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--data", data.toString());
    pb.environment().put("SPRING_DATASOURCE_URL", db);
    pb.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
    // The test polls every 50 ms to catch a render mid-stage, far above the API limit.
    pb.environment().put("VIVIDLY_RATELIMIT_ENABLED", "false");
    pb.environment().put("VIVIDLY_SECURITY_ADMIN_PASSWORD", OwnServer.ADMIN_PASSWORD);
    pb.environment().put("VIVIDLY_SECURITY_BCRYPT_STRENGTH", "4");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
    return pb.start();
  }

  private void awaitUp(String base) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      assertThat(server.isAlive()).as("the server exited during start-up").isTrue();
      Thread.sleep(300);
    }
    throw new AssertionError("the server did not start");
  }

  private void ingest(String base) throws Exception {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    byte[] doc = getClass().getResourceAsStream("/demo/photosynthesis.md").readAllBytes();
    parts.add("file", new ByteArrayResource(doc) {
      @Override
      public String getFilename() {
        return "photosynthesis.md";
      }
    });
    JsonNode job = RestClient.create(base).post().uri("/api/v1/ingestions").header("Authorization", auth(base)).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class);
    for (int i = 0; i < 600; i++) {
      JsonNode j = JSON.readTree(get(base + "/api/v1/jobs/" + job.path("id").asString()));
      if (j.path("status").asString().equals("succeeded")) return;
      assertThat(j.path("status").asString()).isNotEqualTo("failed");
      Thread.sleep(200);
    }
    throw new AssertionError("ingestion did not finish");
  }

  private String token;

  /** Signs in as the server's super admin; the token stays valid across the restart (its key is in the database). */
  private String auth(String base) {
    if (token == null) token = ApiCalls.signIn(base, "admin@vividly.local", OwnServer.ADMIN_PASSWORD);
    return "Bearer " + token;
  }

  private String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth(url.substring(0, url.indexOf("/api/")))).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private String post(String url, Object body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth(url.substring(0, url.indexOf("/api/")))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int freePort() throws IOException {
    try (var s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
