package org.vividly.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.LinkedMultiValueMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "lectures", description = "Transcript ingestion rate (hours of lecture per minute) and chat answer latency p50/p99 over the lectures.")
class BenchLecturesCommand implements Callable<Integer> {

  static final List<String> QUESTIONS = List.of(
      "What did Rutherford's gold foil experiment show?", "What is the photoelectric effect?", "What is the work function of a metal?",
      "How do you draw a Lewis structure?", "What is formal charge?", "What is sp3 hybridization?", "What is Gibbs free energy?",
      "When is a reaction spontaneous?", "What does Le Chatelier's principle say?", "What is a buffer?", "How does a titration work?",
      "What is the half-life of a first-order reaction?", "What is an oxidation number?", "What is crystal field theory?",
      "How does temperature change the rate of a reaction?", "What is an orbital?", "What is ionization energy?", "What is entropy?",
      "What is the equilibrium constant?", "What is a catalyst?");

  @Mixin ClientOptions client;

  @Option(names = "--transcripts", description = "Folder of WebVTT lecture transcripts (default: ${DEFAULT-VALUE})", defaultValue = "../shared/data/transcripts/mit-ocw-5.111sc-chemistry")
  Path transcripts;

  @Option(names = "--questions", description = "Questions to ask (default: ${DEFAULT-VALUE})", defaultValue = "100")
  int questions;

  @Override
  public Integer call() throws IOException, InterruptedException {
    ApiClient api = client.api();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(transcripts)) {
      files = walk.filter(p -> p.toString().endsWith(".vtt")).sorted().toList();
    }
    if (files.isEmpty()) throw new IllegalArgumentException("No .vtt files under " + transcripts);
    long start = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (Path f : files) {
      LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("subtitles", new FileSystemResource(f));
      parts.add("tags", "bench");
      ids.add(api.postMultipart("/api/v1/videos", parts, JsonNode.class).path("id").asString());
    }
    double seconds = 0;
    int failed = 0;
    for (int i = 0; i < ids.size(); i++) {
      JsonNode v;
      while (!(v = api.get("/api/v1/videos/{id}", ids.get(i))).path("status").asString().matches("ready|failed")) {
        System.out.printf("\rIndexing %d/%d lectures", i, ids.size());
        Thread.sleep(250);
      }
      if (v.path("status").asString().equals("failed")) failed++;
      else seconds += v.path("durationSeconds").asDouble();
    }
    double minutes = (System.nanoTime() - start) / 6e10;
    System.out.printf("%nTranscripts: %d lectures (%d failed), %.1f hours of lecture in %.2f minutes: %.1f hours of lecture per minute%n", ids.size(), failed, seconds / 3600, minutes, seconds / 3600 / minutes);

    JsonNode conversation = api.post("/api/v1/conversations", Map.of("videoIds", ids, "title", "bench lectures"), JsonNode.class);
    String path = "/api/v1/conversations/" + conversation.path("id").asString() + "/messages";
    List<Long> client = new ArrayList<>();
    List<Long> server = new ArrayList<>();
    int answered = 0;
    for (int i = 0; i < questions; i++) {
      long t = System.nanoTime();
      JsonNode answer = api.post(path, Map.of("question", QUESTIONS.get(i % QUESTIONS.size())), JsonNode.class);
      client.add(System.nanoTime() - t);
      server.add(answer.path("latencyMs").asLong());
      if (answer.path("inLibrary").asBoolean()) answered++;
      System.out.printf("\rAsked %d/%d", i + 1, questions);
    }
    System.out.printf("%nChat (%s composer): %d questions, %d answered from the lectures; latency p50 %.0f ms, p99 %.0f ms at the client; p50 %.0f ms, p99 %.0f ms in the server%n",
        conversationComposer(api, path), questions, answered, LoadStats.percentile(client, 50) / 1e6, LoadStats.percentile(client, 99) / 1e6, LoadStats.percentile(server, 50), LoadStats.percentile(server, 99));
    return 0;
  }

  private static String conversationComposer(ApiClient api, String path) {
    JsonNode thread = api.get(path.replace("/messages", ""));
    JsonNode messages = thread.path("messages");
    return messages.isEmpty() ? "?" : messages.get(messages.size() - 1).path("composer").asString();
  }

}
