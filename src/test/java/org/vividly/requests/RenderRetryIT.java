package org.vividly.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.vividly.support.ApiCalls;
import org.vividly.support.Media;
import org.vividly.support.OwnServer;
import tools.jackson.databind.JsonNode;

/**
 * Retries: ffmpeg that crashes (SIGKILL) on its first run makes the render retry after a backoff
 * and complete, with the failed attempt recorded on the stage. A context of its own (its ffmpeg
 * differs), so also a database and data folder of its own: no other context's render worker may
 * pick this test's render.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RenderRetryIT {

  private static final Path CRASH_ONCE;

  static {
    try {
      Path dir = Files.createTempDirectory("crash-once-");
      CRASH_ONCE = dir.resolve("ffmpeg");
      Files.writeString(CRASH_ONCE, "#!/bin/sh\nif [ ! -f '" + dir.resolve("crashed") + "' ]; then touch '" + dir.resolve("crashed") + "'; kill -9 $$; fi\nexec ffmpeg \"$@\"\n");
      Files.setPosixFilePermissions(CRASH_ONCE, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    OwnServer.register(registry, "retry");
    registry.add("vividly.media.video.ffmpeg", CRASH_ONCE::toString);
    registry.add("vividly.requests.retry-backoff", () -> "1s");
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void anEngineCrashIsRetriedAfterABackoffAndTheRequestCompletes() throws Exception {
    assumeThat(Media.installed("ffmpeg") && Media.installed("festival")).as("ffmpeg and festival are needed").isTrue();
    RestClient api = ApiCalls.admin("http://localhost:" + port);
    ApiCalls.ingest(api, "/demo/photosynthesis.md");

    JsonNode created = api.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).body(Map.of("question", "What does chlorophyll absorb?", "modalities", List.of("audio"))).retrieve().body(JsonNode.class);
    JsonNode done = ApiCalls.awaitRequest(api, created.path("id").asString(), Duration.ofMinutes(2));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    JsonNode audio = ContentRequestsIT.stage(done, "audio_synthesis");
    assertThat(audio.path("attempts").asInt()).isEqualTo(2);
    assertThat(audio.path("error").isNull()).isTrue();
    assertThat(done.path("files").valueStream().map(f -> f.path("name").asString()).toList()).contains("narration.m4a", "captions.vtt");
    // Both runs of the stage are in the metrics, the crash as failed.
    assertThat(meters.get("vividly.render.stage").tags("stage", "audio_synthesis", "outcome", "failed").timer().count()).isEqualTo(1);
    assertThat(meters.get("vividly.render.stage").tags("stage", "audio_synthesis", "outcome", "completed").timer().count()).isEqualTo(1);

    // The person who asked is told by email (kept in the outbox here: no mail server), once.
    JsonNode ready = null;
    for (int i = 0; i < 100 && ready == null; i++) {
      for (JsonNode m : api.get().uri("/api/v1/outbox").retrieve().body(JsonNode.class).path("messages")) {
        if (m.path("kind").asString().equals("lesson_ready")) ready = m;
      }
      if (ready == null) Thread.sleep(100);
    }
    assertThat(ready).as("a lesson_ready email").isNotNull();
    assertThat(ready.path("status").asString()).isEqualTo("outbox");
    assertThat(ready.path("subject").asString()).isEqualTo("Your lesson is ready: What does chlorophyll absorb?");
    assertThat(ready.path("links").valueStream().map(JsonNode::asString).toList()).contains("http://localhost:" + port + "/lessons/" + done.path("lessonId").asString());
  }

  @org.springframework.beans.factory.annotation.Autowired io.micrometer.core.instrument.MeterRegistry meters;
}
