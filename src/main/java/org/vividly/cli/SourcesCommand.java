package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "sources", description = "List the sources in the library.")
class SourcesCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    JsonNode sources = client.api().get("/api/v1/sources");
    if (sources.isEmpty()) {
      System.out.println("The library is empty. Add a book with: ./vividly ingest PATH");
      return 0;
    }
    System.out.printf("%-40s %-9s %9s %8s  %s%n", "TITLE", "FORMAT", "SECTIONS", "CHUNKS", "ID");
    for (JsonNode s : sources) {
      System.out.printf("%-40.40s %-9s %9d %8d  %s%n", s.path("title").asString(), s.path("format").asString(), s.path("sections").asInt(), s.path("chunks").asInt(), s.path("id").asString());
    }
    return 0;
  }
}
