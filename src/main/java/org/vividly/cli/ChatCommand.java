package org.vividly.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vividly.lessons.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** A conversation over chosen sources in the terminal, each answer streamed as it is written. */
@Command(
    name = "chat",
    description = "Talk with your sources in the terminal: each question is answered from the chosen sources, videos or collection only, streamed, with its citations (section, or the lecture's time).",
    footer = "%nType a question and Enter; an empty line, 'exit' or Ctrl+D ends. Each answer is a text unit of your monthly quota.")
class ChatCommand implements Callable<Integer> {

  @Option(names = "--source", paramLabel = "ID", description = "A source to talk about (repeatable; ./vividly sources lists them)")
  List<String> sources = new ArrayList<>();

  @Option(names = "--video", paramLabel = "ID", description = "A lecture video to talk about (repeatable)")
  List<String> videos = new ArrayList<>();

  @Option(names = "--collection", paramLabel = "ID", description = "A collection to talk about")
  String collection;

  @Option(names = "--conversation", paramLabel = "ID", description = "Go on with an earlier conversation instead of starting one")
  String conversation;

  @Option(names = "--ask", paramLabel = "QUESTION", description = "Ask this one question, print the answer and stop")
  String ask;

  @Mixin ClientOptions client;

  @Override
  public Integer call() throws Exception {
    ApiClient api = client.api();
    String id = conversation;
    if (id == null) {
      if (sources.isEmpty() && videos.isEmpty() && collection == null) {
        System.err.println("Say what to talk about: --source ID, --video ID or --collection ID (or --conversation ID to go on with one).");
        return 2;
      }
      Map<String, Object> scope = new LinkedHashMap<>();
      if (!sources.isEmpty()) scope.put("sourceIds", sources);
      if (!videos.isEmpty()) scope.put("videoIds", videos);
      if (collection != null) scope.put("collectionId", collection);
      JsonNode started = api.post("/api/v1/conversations", scope, JsonNode.class);
      id = started.path("id").asString();
      System.out.println("Conversation \"" + started.path("title").asString() + "\" (" + id + ")");
    }
    if (ask != null) {
      answer(api, id, ask);
      return 0;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (true) {
      System.out.print("\n> ");
      System.out.flush();
      String line = in.readLine();
      if (line == null || line.isBlank() || line.strip().equalsIgnoreCase("exit")) break;
      try {
        answer(api, id, line.strip());
      } catch (IllegalStateException e) {
        // A refused question (quota, rate limit, bad input) ends nothing: say why and go on.
        System.out.println("\n" + e.getMessage());
      }
    }
    System.out.println("Go on later with: ./vividly chat --conversation " + id);
    return 0;
  }

  private static void answer(ApiClient api, String conversation, String question) {
    List<JsonNode> citations = new ArrayList<>();
    api.postEvents("/api/v1/conversations/" + conversation + "/messages", Map.of("question", question), (event, data) -> {
      switch (event) {
        case "citations" -> data.forEach(citations::add);
        case "delta" -> {
          System.out.print(data.path("text").asString());
          System.out.flush();
        }
        case "error" -> throw new IllegalStateException(data.path("detail").asString("The answer could not be made."));
        default -> {}
      }
      return !event.equals("answer");
    });
    System.out.println();
    // Where each points: the section path, or the lecture and its time span.
    for (JsonNode c : citations) System.out.println("  [" + c.path("number").asInt() + "] " + ApiClient.JSON.treeToValue(c, Lesson.CitedSource.class).location());
  }
}
