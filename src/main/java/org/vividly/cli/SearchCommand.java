package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "search", description = "Search the library and print the top passages with scores and where they sit.")
class SearchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "QUERY") String query;

  @Option(names = {"-k"}, defaultValue = "10", description = "Number of passages (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--mode", defaultValue = "HYBRID", description = "BM25, VECTOR or HYBRID (default: ${DEFAULT-VALUE})")
  String mode;

  @Option(names = "--json", description = "Print the raw JSON answer")
  boolean json;

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    JsonNode result = client.api().get("/api/v1/search?q={q}&k={k}&mode={mode}", JsonNode.class, query, k, mode.toUpperCase());
    if (json) {
      System.out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
      return 0;
    }
    System.out.printf("%d passages for \"%s\" (%s, %.1f ms)%n%n", result.path("hits").size(), query, result.path("mode").asString(), result.path("tookMs").asDouble());
    for (JsonNode hit : result.path("hits")) {
      System.out.printf("%2d. [score %.4f, similarity %.3f] %s  (passage %d, %s)%n", hit.path("rank").asInt(), hit.path("score").asDouble(), hit.path("similarity").asDouble(), hit.path("location").asString(), hit.path("passageId").asLong(), hit.path("kind").asString());
      System.out.println("    " + snippet(hit.path("text").asString(), 240));
      System.out.println();
    }
    return 0;
  }

  static String snippet(String text, int max) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= max ? t : t.substring(0, max).replaceAll("\\s\\S*$", "") + " ...";
  }
}
