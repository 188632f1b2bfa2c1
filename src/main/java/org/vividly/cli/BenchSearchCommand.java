package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "search", description = "Search latency p50/p99: real queries on the library (query embedding included), and on a synthetic index.")
class BenchSearchCommand implements Callable<Integer> {

  @Option(names = "--queries", defaultValue = "1000") int queries;

  @Option(names = "--synthetic", defaultValue = "100000", description = "Chunks in the synthetic index; 0 skips it (default: ${DEFAULT-VALUE})")
  int synthetic;

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    ApiClient api = client.api();
    JsonNode job = JobWatcher.follow(api, api.post("/api/v1/benchmarks/search?queries=" + queries + "&synthetic=" + synthetic, null, JsonNode.class), "Searching", " queries", System.out);
    if (job.path("status").asString().equals("failed")) throw new IllegalStateException(job.path("error").asString());
    JsonNode lib = job.path("report").path("library");
    System.out.printf("%nLibrary, %d hybrid queries (embedding + search): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", lib.path("count").asInt(), lib.path("p50Ms").asDouble(), lib.path("p99Ms").asDouble(), lib.path("maxMs").asDouble());
    JsonNode syn = job.path("report").path("synthetic");
    if (!syn.isMissingNode()) {
      System.out.printf("Synthetic %d-chunk index (built in %.1f s), %d hybrid queries (index only): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", syn.path("chunks").asInt(), syn.path("buildSeconds").asDouble(), syn.path("count").asInt(), syn.path("p50Ms").asDouble(), syn.path("p99Ms").asDouble(), syn.path("maxMs").asDouble());
    }
    return 0;
  }
}
