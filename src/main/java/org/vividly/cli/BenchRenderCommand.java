package org.vividly.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "render", description = "Render a narrated lesson video (audio, MP4 and WebM) and print the time of each stage, output sizes and peak memory.")
class BenchRenderCommand implements Callable<Integer> {

  @Option(names = "--question", defaultValue = "How do plants make food from sunlight?", description = "Question to render (default: ${DEFAULT-VALUE})")
  String question;

  @Option(names = "--runs", defaultValue = "3", description = "Renders to run; the median is printed (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--resolution", defaultValue = "720", description = "720 or 1080 (default: ${DEFAULT-VALUE})")
  int resolution;

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    ApiClient api = client.api();
    Map<String, List<Double>> stageMs = new LinkedHashMap<>();
    Map<String, Long> peakKb = new TreeMap<>();
    Map<String, Long> sizes = new TreeMap<>();
    double videoSeconds = 0;
    for (int run = 1; run <= runs; run++) {
      JsonNode r = api.post("/api/v1/requests", Map.of("question", question, "modalities", List.of("audio", "video"), "resolution", resolution), JsonNode.class);
      String id = r.path("id").asString();
      // Wait on the request's event stream: one API call, however long the render takes.
      if (!r.path("status").asString().matches("completed|failed")) api.events("/api/v1/requests/" + id + "/events", (event, update) -> !"done".equals(event));
      r = api.get("/api/v1/requests/{id}", id);
      if (!"completed".equals(r.path("status").asString())) throw new IllegalStateException("The render failed: " + r.path("error").asString());
      for (JsonNode s : r.path("stages")) {
        stageMs.computeIfAbsent(s.path("stage").asString(), k -> new ArrayList<>()).add(s.path("durationMs").asDouble());
        peakKb.merge(s.path("stage").asString(), s.path("peakRssKb").asLong(), Math::max);
        videoSeconds = Math.max(videoSeconds, s.path("videoSeconds").asDouble());
      }
      for (JsonNode f : r.path("files")) sizes.put(f.path("name").asString(), f.path("sizeBytes").asLong());
      System.out.printf("run %d: %s%n", run, id);
      api.delete("/api/v1/requests/{id}", id);
    }
    System.out.printf("%nMedian of %d renders, %dp, %.1f s of video:%n", runs, resolution, videoSeconds);
    System.out.printf("%-18s %10s %12s%n", "stage", "ms", "peak RSS MiB");
    for (var e : stageMs.entrySet()) System.out.printf("%-18s %10.0f %12.1f%n", e.getKey(), median(e.getValue()), peakKb.getOrDefault(e.getKey(), 0L) / 1024.0);
    double encode = median(stageMs.get("video_rendering")) + median(stageMs.get("format_conversion"));
    double all = stageMs.values().stream().mapToDouble(BenchRenderCommand::median).sum();
    System.out.printf("%nMP4 + WebM encoding: %.2f s for %.1f s of video = %.1fx faster than real time%n", encode / 1000, videoSeconds, videoSeconds / (encode / 1000));
    System.out.printf("Whole request (all stages): %.2f s = %.1fx faster than real time%n", all / 1000, videoSeconds / (all / 1000));
    System.out.println("Output sizes:");
    sizes.forEach((name, bytes) -> System.out.printf("  %-14s %9.1f KiB%n", name, bytes / 1024.0));
    JsonNode heap = api.get("/api/v1/benchmarks/heap");
    System.out.printf("Server heap after GC: %s MiB%n", heap.path("usedMiB").asString(heap.toString()));
    return 0;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
