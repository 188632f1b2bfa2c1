package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "reindex", description = "Rebuild the search index from the chunks and vectors stored in the database.")
class ReindexCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    ApiClient api = client.api();
    JsonNode job = JobWatcher.follow(api, api.post("/api/v1/index/rebuild", null, JsonNode.class), "Reindexing", System.out);
    if (job.path("status").asString().equals("failed")) {
      System.err.println("Reindexing failed: " + job.path("error").asString());
      return 1;
    }
    System.out.printf("Reindexed %d chunks in %.1f s%n", job.path("report").path("chunks").asInt(), job.path("seconds").asDouble());
    return 0;
  }
}
