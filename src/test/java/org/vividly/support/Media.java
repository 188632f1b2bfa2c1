package org.vividly.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ffprobe for the media tests. */
public final class Media {

  private Media() {}

  /** {@code ffprobe -show_format -show_streams} as JSON. */
  public static JsonNode probe(Path file) {
    try {
      Process p = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString())).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("ffprobe failed on " + file + ": " + out);
      return JsonMapper.builder().build().readTree(out);
    } catch (IOException e) {
      throw new AssertionError("ffprobe is not installed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static double duration(JsonNode probe) {
    return Double.parseDouble(probe.path("format").path("duration").asString());
  }

  /** Codec names of the streams, in order, for example {@code [h264, aac, mov_text]}. */
  public static List<String> codecs(JsonNode probe) {
    return probe.path("streams").valueStream().map(s -> s.path("codec_name").asString()).toList();
  }

  /** Whether a program is on the PATH. */
  public static boolean installed(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (java.nio.file.Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }
}
