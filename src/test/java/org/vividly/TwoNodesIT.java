package org.vividly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.vividly.support.ApiCalls;
import org.vividly.support.Media;
import org.vividly.support.OwnServer;
import org.vividly.support.S3rver;
import org.vividly.support.SolrCloud;
import org.vividly.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two packaged servers as one district runs them: one PostgreSQL, a two-node SolrCloud and an S3
 * store between them, each server with a data folder of its own. What one server receives the other
 * ingests (from the upload the first staged in S3) and both find; a lecture recording one receives
 * the other indexes and plays; a lesson rendered by one plays
 * from the other with range requests; a web sign-in on one holds on the other; and a render whose
 * server is killed completes on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Node a = new Node("a");
  private final Node b = new Node("b");
  private final Map<String, String> environment = new HashMap<>();
  private String token;

  /** One packaged server. */
  final class Node {
    final String name;
    Process process;
    String base;
    Path data;

    Node(String name) {
      this.name = name;
    }

    final Map<String, String> own = new HashMap<>();

    void start(Map<String, String> environment) throws IOException {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      base = "http://localhost:" + port;
      data = Files.createTempDirectory("vividly-node-" + name + "-");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-jar", Path.of("target/vividly.jar").toString(), "serve", "--port", Integer.toString(port), "--data", data.toString());
      pb.environment().putAll(environment);
      pb.environment().putAll(own);
      pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
      process = pb.start();
    }

    void awaitUp() throws Exception {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (System.nanoTime() < deadline) {
        try {
          if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
        } catch (IOException e) {
          // not listening yet
        }
        assertThat(process.isAlive()).as("server " + name + " exited during start-up; see " + data.resolve("server.log")).isTrue();
        Thread.sleep(300);
      }
      throw new AssertionError("server " + name + " did not start; see " + data.resolve("server.log"));
    }

    /** Whether this server is running a speech or video engine now (the render's programs are its children). */
    boolean rendering() {
      return process.descendants().anyMatch(p -> p.info().command().map(c -> c.endsWith("festival") || c.endsWith("ffmpeg") || c.endsWith("espeak-ng") || c.endsWith("text2wave")).orElse(false));
    }

    RestClient api() {
      return RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + token()).build();
    }

    JsonNode get(String path) throws Exception {
      return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<byte[]> bytes(String path, String range) throws Exception {
      var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token());
      if (range != null) request.header("Range", range);
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  @BeforeAll
  void start() throws Exception {
    assumeThat(Media.installed("ffmpeg") && Media.installed("festival")).as("ffmpeg and festival are needed: apt-get install ffmpeg festival festvox-us-slt-hts").isTrue();
    assertThat(Path.of("target/vividly.jar")).as("the packaged jar (mvn package runs before the integration tests)").exists();
    String suffix = Long.toHexString(System.nanoTime());
    environment.put("SPRING_DATASOURCE_URL", TestDatabase.create("vividly_nodes_" + suffix));
    environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
    environment.put("VIVIDLY_RETRIEVAL_INDEX", "solr");
    environment.put("VIVIDLY_RETRIEVAL_SOLR_URLS", String.join(",", SolrCloud.urls()));
    environment.put("VIVIDLY_RETRIEVAL_SOLR_COLLECTION", "nodes-" + suffix);
    environment.put("VIVIDLY_RETRIEVAL_SOLR_SHARDS", "2");
    environment.put("VIVIDLY_MEDIA_STORE_TYPE", "s3");
    environment.put("VIVIDLY_MEDIA_STORE_S3_ENDPOINT", S3rver.endpoint());
    environment.put("VIVIDLY_MEDIA_STORE_S3_BUCKET", "nodes-" + suffix);
    environment.put("VIVIDLY_MEDIA_STORE_S3_ACCESSKEY", S3rver.ACCESS_KEY);
    environment.put("VIVIDLY_MEDIA_STORE_S3_SECRETKEY", S3rver.SECRET_KEY);
    environment.put("VIVIDLY_RATELIMIT_ENABLED", "false");
    environment.put("VIVIDLY_SECURITY_ADMIN_PASSWORD", OwnServer.ADMIN_PASSWORD);
    environment.put("VIVIDLY_SECURITY_BCRYPT_STRENGTH", "4");
    // A killed server's render is taken over after 4 missed heartbeats of 1 s (db-scheduler's least).
    environment.put("VIVIDLY_REQUESTS_HEARTBEAT", "1s");
    environment.put("VIVIDLY_REQUESTS_MISSEDHEARTBEATS", "4");
    // Server a runs no library or media jobs, so whatever is uploaded to it is ingested by b, from
    // what a staged in the shared store.
    a.own.put("VIVIDLY_JOBS_LIBRARYWORKERS", "0");
    a.own.put("VIVIDLY_JOBS_MEDIAWORKERS", "0");
    // The first start creates the schema, the collection and the bucket; the second joins them.
    a.start(environment);
    a.awaitUp();
    b.start(environment);
    b.awaitUp();
  }

  @AfterAll
  void stop() {
    for (Node n : List.of(a, b)) if (n.process != null) n.process.destroyForcibly();
  }

  private synchronized String token() {
    if (token == null) token = ApiCalls.signIn(a.base, "admin@vividly.local", OwnServer.ADMIN_PASSWORD);
    return token;
  }

  @Test
  void anUploadToOneServerIsIngestedByTheOtherAndFoundOnBothWithinTwoSeconds() throws Exception {
    String marker = "zyxoplankton" + UUID.randomUUID().toString().substring(0, 6);
    byte[] doc = ("# Ocean life\n\n## Drifting plants\n\nThe " + marker + " drifts near the surface of the ocean and makes food from sunlight, like other phytoplankton.\n").getBytes(StandardCharsets.UTF_8);
    JsonNode job = ApiCalls.ingestZip(a.api(), "ocean.md", doc);
    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");
    long done = System.nanoTime();
    for (Node n : List.of(a, b)) {
      JsonNode hits = null;
      while (System.nanoTime() - done < Duration.ofSeconds(2).toNanos()) {
        hits = n.get("/api/v1/search?mode=BM25&q=" + marker).path("hits");
        if (!hits.isEmpty()) break;
        Thread.sleep(50);
      }
      assertThat(hits).as("server " + n.name + "'s search within 2 s of the ingestion").isNotEmpty();
      assertThat(hits.get(0).path("text").asString()).contains(marker);
    }
  }

  @Test
  void aLectureUploadedToOneServerIsIndexedByTheOtherAndPlaysFromIt() throws Exception {
    Path dir = Files.createTempDirectory("two-nodes-video-");
    Path lecture = dir.resolve("lecture.mp4");
    Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=navy:s=320x240:r=10", "-f", "lavfi", "-i", "sine=frequency=300:duration=6",
        "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", lecture.toString()).redirectErrorStream(true).start();
    assertThat(ffmpeg.waitFor()).as(new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    Path subtitles = Files.writeString(dir.resolve("lecture.vtt"), "WEBVTT\n\n00:00.500 --> 00:03.000\nTectonic plates drift a few centimetres a year.\n\n00:03.000 --> 00:05.500\nWhere they meet, mountains rise.\n");
    var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    parts.add("media", new org.springframework.core.io.FileSystemResource(lecture));
    parts.add("subtitles", new org.springframework.core.io.FileSystemResource(subtitles));
    String id = a.api().post().uri("/api/v1/videos").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class).path("id").asString();

    JsonNode video = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      video = a.get("/api/v1/videos/" + id);
      if (video.path("status").asString().matches("(?i)ready|failed")) break;
      Thread.sleep(200);
    }
    assertThat(video.path("status").asString()).as(video.toString()).isEqualToIgnoringCase("ready");

    byte[] original = Files.readAllBytes(lecture);
    HttpResponse<byte[]> seek = b.bytes("/api/v1/videos/" + id + "/media", "bytes=2000-2999");
    assertThat(seek.statusCode()).as("server b plays the recording a received").isEqualTo(206);
    assertThat(seek.body()).isEqualTo(Arrays.copyOfRange(original, 2000, 3000));
    assertThat(new String(b.bytes("/api/v1/videos/" + id + "/captions.vtt", null).body(), StandardCharsets.UTF_8)).contains("Tectonic plates drift");
    assertThat(a.bytes("/api/v1/videos/" + id + "/media", null).body()).isEqualTo(original);
  }

  @Test
  void aWebSignInOnOneServerHoldsOnTheOther() throws Exception {
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(a.base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = sessionCookie(form);
    Matcher csrf = CSRF.matcher(form.body());
    assertThat(csrf.find()).isTrue();
    String body = "email=" + URLEncoder.encode("admin@vividly.local", StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(OwnServer.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(a.base + "/login")).header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String signedIn = login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("SESSION=")) ? sessionCookie(login) : cookie;
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(b.base + "/my")).header("Cookie", signedIn).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as("server b's /my with server a's session").isEqualTo(200);
  }

  @Test
  void aLessonRenderedOnOneServerPlaysFromTheOtherAndAKilledRenderCompletesOnTheSurvivor() throws Exception {
    assertThat(ApiCalls.ingest(a.api(), "/demo/photosynthesis.md").path("status").asString()).isEqualTo("succeeded");
    String id = a.api().post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("question", "How do plants make food from sunlight?", "grade", 7, "modalities", List.of("text", "audio", "video"))).retrieve().body(JsonNode.class).path("id").asString();

    // Kill whichever server runs the render once a speech or video engine is at work.
    Node killed = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (killed == null && System.nanoTime() < deadline) {
      assertThat(a.get("/api/v1/requests/" + id).path("status").asString()).as("finished before it could be killed").isNotIn("completed", "failed");
      if (a.rendering()) killed = a;
      else if (b.rendering()) killed = b;
      else Thread.sleep(50);
    }
    assertThat(killed).as("a server started the render").isNotNull();
    Node survivor = killed == a ? b : a;
    killed.process.destroyForcibly().waitFor();

    JsonNode done = ApiCalls.awaitRequest(survivor.api(), id, Duration.ofMinutes(4));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("stages").valueStream().mapToInt(s -> s.path("attempts").asInt()).max().orElse(0)).as("the interrupted stage ran again").isEqualTo(2);

    // Restart the killed server: it plays what the survivor rendered, with range requests.
    killed.start(environment);
    killed.awaitUp();
    String mp4 = done.path("files").valueStream().filter(f -> f.path("name").asString().equals("lesson.mp4")).findFirst().orElseThrow().path("url").asString();
    HttpResponse<byte[]> whole = survivor.bytes(mp4, null);
    assertThat(whole.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> part = killed.bytes(mp4, "bytes=1000-4999");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 1000, 5000));
    assertThat(killed.bytes(mp4, null).body()).isEqualTo(whole.body());
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
  }
}
