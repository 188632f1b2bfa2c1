package org.vividly.videos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.vividly.media.Processes;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/** Recordings through the API with real ffmpeg, ffprobe, Festival and pocketsphinx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideosIT extends IntegrationTest {

  static final String SPOKEN = "Plants make their own food from sunlight. The green leaves take in water and carbon dioxide and give off oxygen.";

  Path dir;
  Caller teacher;
  String teacherAuth;

  @Override
  protected String organization() {
    return "videos-it";
  }

  @BeforeAll
  void media() throws IOException {
    dir = Files.createTempDirectory("videos-it-");
    teacher = member(organization(), Role.TEACHER, "lecturer");
    teacherAuth = "Bearer " + signIn(teacher);
    Path wav = dir.resolve("speech.wav");
    Processes.run(List.of("text2wave", "-o", wav.toString(), "-eval", "(voice_cmu_us_slt_arctic_hts)"), SPOKEN, Duration.ofMinutes(1), null);
    ffmpeg("-f", "lavfi", "-i", "color=c=navy:s=320x240:r=10", "-i", wav.toString(), "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", dir.resolve("lecture.mp4").toString());
    ffmpeg("-f", "lavfi", "-i", "testsrc=duration=2:size=160x120:rate=10", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", dir.resolve("silent.mp4").toString());
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=3", dir.resolve("tone.flac").toString());
    Files.write(dir.resolve("lecture-corrupt.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    Files.writeString(dir.resolve("overlapping.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nFirst cue\n\n00:00:03.000 --> 00:00:08.000\nStarts before the first one ends\n");
    Files.writeString(dir.resolve("malformed.srt"), "1\n00:00:01,000 --> 00:00:04,000\nFine\n\n2\n00:00:05 -> 00:00:09,000\nBroken timing\n");
    Files.writeString(dir.resolve("too-long.vtt"), "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello\n\n00:09:00.000 --> 00:10:00.000\nLong after the tone ended\n");
  }

  private void ffmpeg(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
    command.addAll(List.of(args));
    Processes.run(command, null, Duration.ofMinutes(1), null);
  }

  private JsonNode problem(org.springframework.http.ResponseEntity<String> response, int status) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    return JSON.readTree(response.getBody());
  }

  @Test
  void badInputIsRefusedWithAReasonAndLeavesNothingBehind() {
    int before = json(call("GET", "/api/v1/videos", null, teacherAuth)).size();
    assertThat(problem(uploadVideo(teacherAuth, dir.resolve("lecture-corrupt.mp4"), null, Map.of()), 400).path("detail").asString()).contains("lecture-corrupt.mp4").contains("not a media file");
    assertThat(problem(uploadVideo(teacherAuth, dir.resolve("silent.mp4"), null, Map.of()), 400).path("detail").asString()).contains("no audio track");
    JsonNode overlapping = problem(uploadVideo(teacherAuth, null, dir.resolve("overlapping.vtt"), Map.of()), 400);
    assertThat(overlapping.path("detail").asString()).contains("overlapping");
    assertThat(overlapping.path("problems").get(0).asString()).startsWith("line 6:");
    assertThat(problem(uploadVideo(teacherAuth, null, dir.resolve("malformed.srt"), Map.of()), 400).path("problems").get(0).asString()).contains("line 6").contains("malformed timing");
    assertThat(problem(uploadVideo(teacherAuth, dir.resolve("tone.flac"), dir.resolve("too-long.vtt"), Map.of()), 400).path("detail").asString()).contains("past the end of the recording");
    assertThat(problem(uploadVideo(teacherAuth, dir.resolve("overlapping.vtt"), null, Map.of()), 400).path("detail").asString()).contains("not a recording");
    assertThat(problem(uploadVideo(teacherAuth, dir.resolve("lecture.mp4"), null, Map.of("language", "de")), 400).path("detail").asString()).contains("does not recognize 'de'");
    assertThat(problem(uploadVideo(teacherAuth, null, null, Map.of("title", "nothing")), 400).path("detail").asString()).contains("Send a recording");
    assertThat(json(call("GET", "/api/v1/videos", null, teacherAuth)).size()).isEqualTo(before);
  }

  @Test
  void anAddressNeedsYtDlpAndSaysSoWhenItIsMissing() {
    assumeTrue(!Processes.installed("yt-dlp"), "yt-dlp is installed here; this checks the message when it is not");
    // A public literal, so no name is looked up; nothing connects to it while yt-dlp is missing.
    HttpResponse<String> response = call("POST", "/api/v1/videos/by-address", Map.of("url", "https://93.184.215.14/lecture"), teacherAuth);
    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(json(response).path("type").asString()).endsWith("yt-dlp-missing");
    assertThat(json(response).path("detail").asString()).contains("yt-dlp").contains("upload the file");
    assertThat(call("POST", "/api/v1/videos/by-address", Map.of("url", "file:///etc/passwd"), teacherAuth).statusCode()).isEqualTo(400);
  }

  @Test
  void addressesOnTheServersOwnNetworkAreRefusedWith400EvenWhereYtDlpIsMissing() {
    int before = json(call("GET", "/api/v1/videos", null, teacherAuth)).size();
    for (String url : List.of("http://127.0.0.1:5432/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://localhost:8080/actuator",
        "http://10.1.2.3/video.mp4", "http://192.168.1.1/", "http://[fd00:ec2::254]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
        "http://metadata.google.internal/computeMetadata/v1/", "http://0177.0.0.1/", "https://user:secret@93.184.215.14/", "gopher://93.184.215.14/")) {
      HttpResponse<String> response = call("POST", "/api/v1/videos/by-address", Map.of("url", url), teacherAuth);
      assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(json(response).path("type").asString()).as(url).isEqualTo("https://vividly.org/problems/address-not-allowed");
    }
    assertThat(json(call("POST", "/api/v1/videos/by-address", Map.of("url", "http://169.254.169.254/latest/meta-data/"), teacherAuth)).path("detail").asString())
        .contains("169.254.169.254 is a cloud metadata address");
    assertThat(json(call("GET", "/api/v1/videos", null, teacherAuth)).size()).isEqualTo(before);
  }

  @Test
  void aStudentCannotAddVideos() {
    String student = "Bearer " + signIn(member(organization(), Role.STUDENT, "pupil"));
    assertThat(uploadVideo(student, null, dir.resolve("overlapping.vtt"), Map.of()).getStatusCode().value()).isEqualTo(403);
    assertThat(call("GET", "/api/v1/videos", null, student).statusCode()).isEqualTo(200);
  }

  @Test
  void aRecordingWithoutSubtitlesIsTranscribedIndexedFiledAndPlayable() throws Exception {
    var response = uploadVideo(teacherAuth, dir.resolve("lecture.mp4"), null, Map.of("title", "Plants and light", "tags", "Biology, Unit 2"));
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
    String id = JSON.readTree(response.getBody()).path("id").asString();
    // The videos page follows the organization's stream while anything is working.
    var stream = http.sendAsync(HttpRequest.newBuilder(URI.create(url("/api/v1/videos/events"))).header("Authorization", teacherAuth).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
    JsonNode video = awaitVideo(id, teacherAuth, Duration.ofMinutes(3));
    assertThat(video.path("status").asString()).as(video.toString()).isEqualTo("ready");
    String events = stream.get(1, java.util.concurrent.TimeUnit.MINUTES).body();
    assertThat(events).contains("event:progress").contains("event:done");
    assertThat(events.substring(events.lastIndexOf("event:done"))).contains(id).contains("\"status\":\"ready\"");
    assertThat(video.path("transcriptOrigin").asString()).isEqualTo("speech-to-text");
    assertThat(video.path("hasVideo").asBoolean()).isTrue();
    assertThat(video.path("tags").toString()).isEqualTo("[\"biology\",\"unit 2\"]");
    assertThat(video.path("durationSeconds").asDouble()).isBetween(4.0, 15.0);

    String captions = call("GET", "/api/v1/videos/" + id + "/captions.vtt", null, teacherAuth).body();
    assertThat(captions).startsWith("WEBVTT");
    long heard = java.util.Arrays.stream(SPOKEN.toLowerCase().replaceAll("[^a-z ]", "").split(" ")).filter(w -> captions.toLowerCase().contains(w)).count();
    assertThat(heard).as("words of the narration in the transcript: %s", captions).isGreaterThanOrEqualTo(8);

    JsonNode hits = json(call("GET", "/api/v1/search?q=" + java.net.URLEncoder.encode("leaves oxygen water", "UTF-8") + "&k=3", null, teacherAuth));
    JsonNode top = hits.path("hits").get(0);
    assertThat(top.path("sourceId").asString()).isEqualTo(video.path("sourceId").asString());
    assertThat(top.path("startSeconds").isNumber()).isTrue();

    HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/videos/" + id + "/media"))).header("Authorization", teacherAuth).header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).hasSize(100);
    assertThat(range.headers().firstValue("Content-Type")).hasValue("video/mp4");

    // The collections module files the video when it hears VideoIndexed, just after it is ready.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode collections = json(call("GET", "/api/v1/collections", null, teacherAuth));
      assertThat(collections.get(0).path("isDefault").asBoolean()).isTrue();
      assertThat(collections.get(0).path("name").asString()).isEqualTo("Uncategorized");
      assertThat(collections.get(0).path("sourceIds").toString()).contains(video.path("sourceId").asString());
    });

    String otherTeacher = "Bearer " + signIn(member(organization(), Role.TEACHER, "colleague"));
    assertThat(call("DELETE", "/api/v1/videos/" + id, null, otherTeacher).statusCode()).isEqualTo(403);
    assertThat(json(call("DELETE", "/api/v1/videos?status=ready", null, teacherAuth)).path("deleted").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(call("GET", "/api/v1/videos/" + id, null, teacherAuth).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/v1/sources/" + video.path("sourceId").asString(), null, teacherAuth).statusCode()).isEqualTo(404);
    assertThat(json(call("GET", "/api/v1/search?q=leaves%20oxygen&k=3", null, teacherAuth)).path("hits").toString()).doesNotContain(video.path("sourceId").asString());
  }
}
