package org.vividly.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.LinkedMultiValueMap;
import org.vividly.media.WordErrorRate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "transcribe", description = "Speech-to-text through the whole video pipeline: real-time factor and word error rate against reference transcripts.")
class BenchTranscribeCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Option(names = "--audio", description = "Folder with FLAC recordings and their references: LibriSpeech *.trans.txt, or NAME.reference.txt (default: ${DEFAULT-VALUE})", defaultValue = "../shared/data/audio")
  Path audio;

  @Override
  public Integer call() throws IOException, InterruptedException {
    ApiClient api = client.api();
    Map<Path, String> references = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(audio)) {
      for (Path f : walk.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".trans.txt")) {
          for (String line : Files.readAllLines(f)) {
            String[] parts = line.split(" ", 2);
            Path flac = f.resolveSibling(parts[0] + ".flac");
            if (parts.length == 2 && Files.exists(flac)) references.put(flac, parts[1]);
          }
        } else if (name.endsWith(".reference.txt")) {
          Path flac = f.resolveSibling(name.replace(".reference.txt", ".flac"));
          if (Files.exists(flac)) references.put(flac, Files.readString(f));
        }
      }
    }
    if (references.isEmpty()) throw new IllegalArgumentException("No recordings with references under " + audio);
    StringBuilder allReference = new StringBuilder();
    StringBuilder allHypothesis = new StringBuilder();
    double audioSeconds = 0;
    double processing = 0;
    System.out.printf("%-24s %8s %10s %6s %6s%n", "recording", "audio s", "process s", "RTF", "WER");
    for (var e : references.entrySet()) {
      LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("media", new FileSystemResource(e.getKey()));
      parts.add("tags", "bench");
      JsonNode video = api.postMultipart("/api/v1/videos", parts, JsonNode.class);
      String id = video.path("id").asString();
      while (!(video = api.get("/api/v1/videos/{id}", id)).path("status").asString().matches("ready|failed")) Thread.sleep(100);
      if (video.path("status").asString().equals("failed")) throw new IllegalStateException(e.getKey() + ": " + video.path("error").asString());
      double seconds = Duration.between(Instant.parse(video.path("createdAt").asString()), Instant.parse(video.path("finishedAt").asString())).toMillis() / 1000.0;
      Path vtt = Files.createTempFile("bench-", ".vtt");
      api.download("/api/v1/videos/" + id + "/captions.vtt", vtt);
      String text = String.join(" ", org.vividly.sources.Subtitles.parse(Files.readString(vtt), "captions.vtt").stream().map(org.vividly.sources.Cue::text).toList());
      Files.delete(vtt);
      double duration = video.path("durationSeconds").asDouble();
      System.out.printf("%-24s %8.1f %10.2f %6.2f %6.3f%n", e.getKey().getFileName(), duration, seconds, seconds / duration, WordErrorRate.of(e.getValue(), text.toString()));
      allReference.append(e.getValue()).append(' ');
      allHypothesis.append(text).append(' ');
      audioSeconds += duration;
      processing += seconds;
      api.delete("/api/v1/videos/{id}", id);
    }
    System.out.printf("%nAll: %.1f s of speech, real-time factor %.2f (upload to searchable, on this server's cores), word error rate %.3f%n", audioSeconds, processing / audioSeconds, WordErrorRate.of(allReference.toString(), allHypothesis.toString()));
    return 0;
  }
}
