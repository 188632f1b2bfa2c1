package org.vividly.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "ingest", description = "Ingest a folder into a fresh organization, then time the embedding model alone on the same chunks, and compare.")
class BenchIngestCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR") Path dir;

  @Option(names = "--keep", description = "Keep the benchmark organization's data afterwards")
  boolean keep;

  @Option(names = "--server", description = "Server URL (default: $VIVIDLY_URL or http://localhost:8080)")
  String server;

  @Override
  public Integer call() throws Exception {
    String org = "bench-" + System.currentTimeMillis();
    IngestCommand ingest = new IngestCommand();
    ingest.path = dir;
    ingest.maxFileSizeMb = 256;
    ingest.client = new ClientOptions();
    ingest.client.server = server;
    ingest.client.organization = org;
    if (ingest.call() != 0) return 1;
    ApiClient api = ingest.client.api();
    JsonNode sources = api.get("/api/v1/sources");
    double pipelineSeconds = api.get("/api/v1/jobs").get(0).path("report").path("seconds").asDouble();
    double modelSeconds = 0;
    int chunks = 0;
    for (JsonNode source : sources) {
      JsonNode job = JobWatcher.follow(api, api.post("/api/v1/benchmarks/embedding?source=" + source.path("id").asString(), null, JsonNode.class), "Model alone", System.out);
      modelSeconds += job.path("report").path("seconds").asDouble();
      chunks += job.path("report").path("chunks").asInt();
    }
    System.out.printf("%nIngest pipeline: %.1f s for %d chunks (%.1f chunks/s)%n", pipelineSeconds, chunks, chunks / pipelineSeconds);
    System.out.printf("Embedding model alone on the same chunks: %.1f s (%.1f chunks/s)%n", modelSeconds, chunks / modelSeconds);
    System.out.printf("Pipeline / model: %.2fx (goal: <= 1.25x)%n", pipelineSeconds / modelSeconds);
    if (!keep) {
      for (JsonNode source : sources) api.delete("/api/v1/sources/{id}", source.path("id").asString());
    }
    return 0;
  }
}
