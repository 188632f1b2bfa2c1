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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vividly.support.IntegrationTest;
import org.vividly.support.Media;
import tools.jackson.databind.JsonNode;

/**
 * Retries: ffmpeg that crashes (SIGKILL) on its first run makes the render retry after a backoff
 * and complete, with the failed attempt recorded on the stage.
 */
class RenderRetryIT extends IntegrationTest {

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
  static void crashingFfmpeg(DynamicPropertyRegistry registry) {
    registry.add("vividly.media.video.ffmpeg", CRASH_ONCE::toString);
    registry.add("vividly.requests.retry-backoff", () -> "1s");
  }

  @Override
  protected String organization() {
    return "retry-it";
  }

  @Test
  void anEngineCrashIsRetriedAfterABackoffAndTheRequestCompletes() throws Exception {
    assumeThat(Media.installed("ffmpeg") && Media.installed("festival")).as("ffmpeg and festival are needed").isTrue();
    ingest("photosynthesis.md", getClass().getResourceAsStream("/demo/photosynthesis.md").readAllBytes());
    JsonNode created = json(postJson("/api/v1/requests", Map.of("question", "What does chlorophyll absorb?", "modalities", List.of("audio"))));
    String id = created.path("id").asString();
    JsonNode done = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      done = json(get("/api/v1/requests/" + id));
      if (done.path("status").asString().matches("completed|failed")) break;
      Thread.sleep(200);
    }
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    JsonNode audio = ContentRequestsIT.stage(done, "audio_synthesis");
    assertThat(audio.path("attempts").asInt()).isEqualTo(2);
    assertThat(audio.path("error").isNull()).isTrue();
    assertThat(done.path("files").valueStream().map(f -> f.path("name").asString()).toList()).contains("narration.m4a", "captions.vtt");
  }
}
