package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "heap", description = "The server's heap in use after a full garbage collection.")
class BenchHeapCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    JsonNode heap = client.api().get("/api/v1/benchmarks/heap");
    System.out.printf("Heap after GC: %d MiB used, %d MiB committed, %d MiB max%n", heap.path("usedMiB").asLong(), heap.path("committedMiB").asLong(), heap.path("maxMiB").asLong());
    return 0;
  }
}
