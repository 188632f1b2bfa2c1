package org.vividly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.vividly.demo.DemoDistrict;
import org.vividly.media.Processes;
import org.vividly.support.ApiCalls;
import org.vividly.support.LaunchedServer;
import org.vividly.support.Media;
import org.vividly.support.SharedData;
import tools.jackson.databind.JsonNode;

/**
 * The product in its default configuration, end to end: {@code ./vividly demo} from a fresh folder
 * (see {@link LaunchedServer}), then every engine that is handed a path renders through the API.
 * The other tests give the application absolute temporary folders, so none of them saw that with
 * the default relative {@code ./data}, Festival (run in a request's work folder) was told to write
 * "data/work/..." below that folder, and every narrated lesson failed. A missing engine fails these
 * checks instead of skipping them: {@code .ci/run} installs every one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherIT {

  private static final String ENGINES = "apt-get install ffmpeg festival festvox-us-slt-hts espeak-ng pocketsphinx pocketsphinx-en-us (.ci/run does)";

  Path folder;
  LaunchedServer server;
  String teacherToken;
  RestClient admin;

  @BeforeAll
  void startTheLauncherInAFreshFolder() throws Exception {
    for (String program : List.of("ffmpeg", "ffprobe", "festival", "espeak-ng", "pocketsphinx_continuous")) {
      assertThat(Processes.installed(program)).as(program + " is not installed: " + ENGINES).isTrue();
    }
    assertThat(Path.of("/usr/share/festival/voices/us/cmu_us_slt_arctic_hts")).as("Festival's voice: " + ENGINES).isDirectory();
    folder = Files.createTempDirectory("vividly-launcher-");
    server = LaunchedServer.demo(folder, Duration.ofMinutes(3));
    teacherToken = ApiCalls.signIn(server.url(), DemoDistrict.SIGN_INS.get("teacher"), DemoDistrict.PASSWORD);
    String adminToken = ApiCalls.signIn(server.url(), DemoDistrict.SIGN_INS.get("org admin"), DemoDistrict.PASSWORD);
    admin = RestClient.builder().baseUrl(server.url()).defaultHeader("Authorization", "Bearer " + adminToken).requestInterceptor((request, body, execution) -> {
      // The demo keeps its rate limits (60 calls a minute a person): wait as a patient client would.
      for (int attempt = 1; ; attempt++) {
        ClientHttpResponse response = execution.execute(request, body);
        String retryAfter = response.getHeaders().getFirst("Retry-After");
        if (response.getStatusCode() != HttpStatus.TOO_MANY_REQUESTS || attempt == 5 || retryAfter == null) return response;
        response.close();
        sleep(Duration.ofSeconds(Long.parseLong(retryAfter)));
      }
    }).build();
    // The demo library is indexed after start-up; the lessons below need its English and its Spanish document.
    for (String title : List.of("Photosynthesis", "La fotosíntesis")) {
      await(title + " in the search index", Duration.ofMinutes(2), () -> admin.get().uri("/api/v1/search?q={q}&k=1", title).retrieve().body(JsonNode.class),
          result -> result.path("hits").valueStream().anyMatch(hit -> hit.path("sourceTitle").asString().equals(title)));
    }
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (server != null) server.stop();
    } finally {
      if (folder != null) FileSystemUtils.deleteRecursively(folder);
    }
  }

  /** The steps of the issue, on the command line: Festival narrates, ffmpeg encodes the audio and both videos. */
  @Test
  void anEnglishLessonAskedOnTheCommandLineGetsFestivalNarrationAndFfmpegVideos() throws Exception {
    LaunchedServer.Run ask = server.client(teacherToken, Duration.ofMinutes(3), "ask", "How do plants make food from sunlight?", "--modalities", "text,audio,video", "--out", "lesson/");
    assertThat(ask.exit()).as(ask.output()).isZero();
    assertThat(ask.output()).doesNotContainPattern("(Audio|Video) failed").contains("Wrote lesson.json");
    Path lesson = folder.resolve("lesson");

    JsonNode narration = Media.probe(lesson.resolve("narration.m4a"));
    assertThat(Media.codecs(narration)).containsExactly("aac");
    assertThat(Media.duration(narration)).isGreaterThan(5);
    // Which engine spoke shows in the rate, which the AAC keeps: Festival's SLT HTS voice 32 kHz, espeak-ng 22.05 kHz.
    assertThat(narration.path("streams").get(0).path("sample_rate").asString()).as("Festival's rate").isEqualTo("32000");
    JsonNode mp4 = Media.probe(lesson.resolve("lesson.mp4"));
    assertThat(Media.codecs(mp4)).containsExactly("h264", "aac", "mov_text");
    assertThat(Media.duration(mp4)).isCloseTo(Media.duration(narration), org.assertj.core.data.Offset.offset(0.5));
    assertThat(Media.codecs(Media.probe(lesson.resolve("lesson.webm")))).containsExactly("vp9", "opus", "webvtt");
    assertThat(Files.readString(lesson.resolve("captions.vtt"))).startsWith("WEBVTT").containsIgnoringCase("sunlight");

    // What was rendered is kept in the relative default data folder.
    for (String name : List.of("narration.m4a", "lesson.mp4", "lesson.webm")) assertThat(stored(lesson.resolve(name))).as(name).isRegularFile();
  }

  /** Spanish narration goes to espeak-ng, then to ffmpeg. */
  @Test
  void aSpanishLessonIsNarratedByEspeakNg() throws Exception {
    JsonNode created = admin.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("question", "¿Cómo fabrican su alimento las plantas?", "modalities", List.of("audio"), "audioLanguage", "es")).retrieve().body(JsonNode.class);
    String id = created.path("id").asString();
    JsonNode done = await("the Spanish narration", Duration.ofMinutes(2), () -> admin.get().uri("/api/v1/requests/{id}", id).retrieve().body(JsonNode.class),
        r -> r.path("status").asString().matches("completed|failed"));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("audioLanguage").asString()).isEqualTo("es");
    assertThat(new String(download(done, "captions.vtt"), StandardCharsets.UTF_8)).contains("fotosíntesis");

    byte[] m4a = download(done, "narration.m4a");
    assertThat(new String(m4a, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    Path file = Files.write(folder.resolve("narracion.m4a"), m4a);
    JsonNode narration = Media.probe(file);
    assertThat(Media.codecs(narration)).containsExactly("aac");
    assertThat(Media.duration(narration)).isGreaterThan(3);
    assertThat(narration.path("streams").get(0).path("sample_rate").asString()).as("espeak-ng's rate").isEqualTo("22050");
    assertThat(stored(file)).isRegularFile();
  }

  /** A lecture without subtitles: ffprobe checks it, ffmpeg cuts its audio, pocketsphinx transcribes it. */
  @Test
  void aLectureUploadedWithoutSubtitlesIsTranscribedByPocketsphinx() throws Exception {
    Path speech = SharedData.require("audio/whisper_jfk/jfk.flac");
    Path lecture = folder.resolve("lecture.mp4");
    Processes.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=c=navy:s=320x240:r=10", "-i", speech.toString(), "-shortest",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", lecture.toString()), null, Duration.ofMinutes(1), null);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("media", new FileSystemResource(lecture));
    parts.add("title", "Inaugural address");
    String id = admin.post().uri("/api/v1/videos").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class).path("id").asString();
    JsonNode video = await("the transcription", Duration.ofMinutes(3), () -> admin.get().uri("/api/v1/videos/{id}", id).retrieve().body(JsonNode.class),
        v -> v.path("status").asString().matches("(?i)ready|failed"));
    assertThat(video.path("status").asString()).as(video.toString()).isEqualToIgnoringCase("ready");
    assertThat(video.path("transcriptOrigin").asString()).isEqualTo("speech-to-text");
    assertThat(video.path("hasVideo").asBoolean()).isTrue();
    String captions = admin.get().uri("/api/v1/videos/{id}/captions.vtt", id).retrieve().body(String.class);
    assertThat(captions).startsWith("WEBVTT").contains("country");
    try (Stream<Path> files = Files.walk(folder.resolve("data/videos"))) {
      assertThat(files.filter(f -> f.endsWith(Path.of(id, "media.mp4"))).toList()).hasSize(1);
    }
  }

  @Test
  void theEmbeddedDatabaseAndTheSearchIndexLiveInTheRelativeDefaultDataFolder() {
    assertThat(server.output()).contains("Embedded PostgreSQL started").contains("with data in " + folder.resolve("data/postgres"));
    assertThat(folder.resolve("data/postgres/PG_VERSION")).isRegularFile();
    assertThat(folder.resolve("data/index")).isDirectoryContaining(f -> f.getFileName().toString().startsWith("segments"));
  }

  /** Where the content-addressed media store keeps a file with these bytes. */
  private Path stored(Path file) throws Exception {
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    return folder.resolve("data/media").resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private byte[] download(JsonNode request, String name) {
    String url = request.path("files").valueStream().filter(f -> f.path("name").asString().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + request)).path("url").asString();
    return admin.get().uri(url).retrieve().body(byte[].class);
  }

  private static JsonNode await(String what, Duration timeout, Supplier<JsonNode> poll, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = poll.get();
      if (done.test(last)) return last;
      sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError(what + " did not finish within " + timeout + ": " + last);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
