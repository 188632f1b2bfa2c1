package org.vividly.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.LessonMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "ask", description = "Ask a question and print a grounded lesson with a citation on every paragraph.")
class AskCommand implements Callable<Integer> {

  @Parameters(paramLabel = "QUESTION") String question;

  @Option(names = "--grade", defaultValue = "9", description = "School grade 1-12, or 13-16 for college (default: ${DEFAULT-VALUE})")
  int grade;

  @Option(names = "--interests", split = ",", description = "Comma-separated interests, for example basketball,music")
  List<String> interests = new ArrayList<>();

  @Option(names = "--json", description = "Print the lesson as JSON")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write lesson.md and lesson.json to DIR")
  Path out;

  @Mixin ClientOptions client;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("question", question);
    body.put("grade", grade);
    body.put("interests", interests);
    JsonNode answer = client.api().post("/api/v1/lessons", body, JsonNode.class);
    Lesson lesson = ApiClient.JSON.treeToValue(answer, Lesson.class);
    String pretty = ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
    String markdown = LessonMarkdown.render(lesson);
    System.out.println(json ? pretty : markdown);
    if (out != null) {
      Files.createDirectories(out);
      Files.writeString(out.resolve("lesson.md"), markdown);
      Files.writeString(out.resolve("lesson.json"), pretty);
      System.err.println("Wrote " + out.resolve("lesson.md") + " and " + out.resolve("lesson.json"));
    }
    return lesson.inLibrary() ? 0 : 3;
  }
}
