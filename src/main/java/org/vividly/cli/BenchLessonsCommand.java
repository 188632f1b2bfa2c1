package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "lessons", description = "Lesson latency p50/p99 with the server's composer.")
class BenchLessonsCommand implements Callable<Integer> {

  @Option(names = "-n", defaultValue = "100") int n;

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    ApiClient api = client.api();
    JsonNode job = JobWatcher.follow(api, api.post("/api/v1/benchmarks/lessons?n=" + n, null, JsonNode.class), "Composing", " lessons", System.out);
    if (job.path("status").asString().equals("failed")) throw new IllegalStateException(job.path("error").asString());
    JsonNode r = job.path("report");
    System.out.printf("%n%d lessons (%s composer, %d in library): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", r.path("count").asInt(), r.path("composer").asString(), r.path("inLibrary").asInt(), r.path("p50Ms").asDouble(), r.path("p99Ms").asDouble(), r.path("maxMs").asDouble());
    return 0;
  }
}
