package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "speech", description = "Text-to-speech real-time factor for English and Spanish, and the English word error rate (pocketsphinx).")
class BenchSpeechCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    ApiClient api = client.api();
    JsonNode job = JobWatcher.follow(api, api.post("/api/v1/benchmarks/speech", null, JsonNode.class), "Speaking", System.out);
    if (job.path("status").asString().equals("failed")) throw new IllegalStateException(job.path("error").asString());
    JsonNode r = job.path("report");
    System.out.printf("%nEngine: %s%n", r.path("engine").asString());
    System.out.printf("%-4s %10s %12s %8s %8s  %s%n", "lang", "audio s", "synthesis s", "RTF", "WER", "recognizer");
    for (String lang : new String[] {"en", "es"}) {
      JsonNode l = r.path(lang);
      String wer = l.path("wordErrorRate").isNull() ? "n/a" : String.format("%.3f", l.path("wordErrorRate").asDouble());
      System.out.printf("%-4s %10.1f %12.2f %8.3f %8s  %s%n", lang, l.path("audioSeconds").asDouble(), l.path("synthesisSeconds").asDouble(), l.path("realTimeFactor").asDouble(), wer, l.path("recognizer").asString());
    }
    return 0;
  }
}
