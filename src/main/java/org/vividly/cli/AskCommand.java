package org.vividly.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.LessonMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "ask",
    description = {
      "Ask a question and print a grounded lesson with a citation on every paragraph.",
      "With --modalities audio or video, then follows the narration and video render stage by stage; with --out, saves every file.",
      "Exit status: 0 done, 3 not in your library, 4 a modality failed or is unavailable here."
    })
class AskCommand implements Callable<Integer> {

  @Parameters(paramLabel = "QUESTION") String question;

  @Option(names = "--grade", defaultValue = "9", description = "School grade 1-12, or 13-16 for college (default: ${DEFAULT-VALUE})")
  int grade;

  @Option(names = "--interests", split = ",", description = "Comma-separated interests, for example basketball,music")
  List<String> interests = new ArrayList<>();

  @Option(names = "--modalities", split = ",", defaultValue = "text", description = "Any of text,audio,video (default: ${DEFAULT-VALUE})")
  List<String> modalities = new ArrayList<>();

  @Option(names = "--lang", description = "Narration language, ISO 639-1 (for example es); default: the library's language")
  String audioLanguage;

  @Option(names = "--text-lang", description = "Language of the library's text (default: en)")
  String textLanguage;

  @Option(names = "--resolution", description = "Video height: 720 or 1080 (default: 720)")
  Integer resolution;

  @Option(names = "--rate", description = "Speaking rate 0.5-2.0 (default: 1.0)")
  Double rate;

  @Option(names = "--json", description = "Print the lesson as JSON")
  boolean json;

  @Option(names = "--quiz", description = "Then answer the lesson's check questions here, as vividly quiz does (the answers are not printed with the lesson)")
  boolean quiz;

  @Option(names = "--out", paramLabel = "DIR", description = "Write lesson.md, lesson.json and every file produced (narration.m4a, lesson.mp4, lesson.webm, captions.vtt, captions.srt, thumbnail.png) to DIR")
  Path out;

  @Mixin ClientOptions client;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("question", question);
    body.put("grade", grade);
    body.put("interests", interests);
    body.put("modalities", modalities);
    body.put("audioLanguage", audioLanguage);
    body.put("textLanguage", textLanguage);
    body.put("resolution", resolution);
    body.put("voiceRate", rate);
    ApiClient api = client.api();
    JsonNode request = api.post("/api/v1/requests", body, JsonNode.class);
    JsonNode answer = api.get("/api/v1/lessons/{id}", request.path("lessonId").asString());
    Lesson lesson = ApiClient.JSON.treeToValue(answer, Lesson.class);
    String pretty = ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
    String markdown = LessonMarkdown.render(quiz ? withoutQuestions(lesson) : lesson);
    System.out.println(json ? pretty : markdown);
    System.out.flush();
    String id = request.path("id").asString();
    if (!finished(request)) request = follow(api, id, System.err);
    if (out != null) save(api, request, pretty);
    if (!lesson.inLibrary()) return 3;
    if ("failed".equals(request.path("status").asString())) {
      System.err.println(request.path("error").asString("A modality failed."));
      return 4;
    }
    if (quiz) return QuizCommand.run(api, lesson.id().toString(), new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)), System.out);
    return 0;
  }

  /** The lesson without its check questions, whose answers would give the quiz away. */
  private static Lesson withoutQuestions(Lesson l) {
    return new Lesson(l.id(), l.question(), l.grade(), l.interests(), l.inLibrary(), l.title(), l.hook(), l.explanation(), l.workedExample(), List.of(), l.citations(), l.message(), l.closestSections(), l.composer(), l.latencyMs(), l.createdAt(), l.keyIdea(), l.keyTerms(), l.evidence());
  }

  /** Draws one bar over the request's stages until it finishes, from its event stream. */
  private static JsonNode follow(ApiClient api, String id, PrintStream err) {
    JsonNode[] last = {api.get("/api/v1/requests/{id}", id)};
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Rendering").setInitialMax(1000).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).hideEta()
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).build()) {
      api.events("/api/v1/requests/" + id + "/events", (event, request) -> {
        last[0] = request;
        bar.stepTo((long) (request.path("progress").asDouble() * 1000));
        String stage = request.path("currentStage").asString("");
        bar.setExtraMessage(stage.isEmpty() ? "" : stageLabel(request, stage));
        return !"done".equals(event);
      });
      if (finished(last[0])) bar.stepTo(1000);
    }
    if (!finished(last[0])) last[0] = api.get("/api/v1/requests/{id}", id);
    for (JsonNode s : last[0].path("stages")) {
      if ("completed".equals(s.path("status").asString())) err.printf("  %-18s %7d ms%n", s.path("label").asString(), s.path("durationMs").asLong());
      else if (!"pending".equals(s.path("status").asString())) err.printf("  %-18s %s%n", s.path("label").asString(), s.path("status").asString());
    }
    return last[0];
  }

  private static String stageLabel(JsonNode request, String stage) {
    for (JsonNode s : request.path("stages")) {
      if (stage.equals(s.path("stage").asString())) return s.path("label").asString(stage);
    }
    return stage;
  }

  private static boolean finished(JsonNode request) {
    String status = request.path("status").asString();
    return status.equals("completed") || status.equals("failed");
  }

  private void save(ApiClient api, JsonNode request, String lessonJson) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("lesson.json"), lessonJson);
    List<String> saved = new ArrayList<>(List.of("lesson.json"));
    for (JsonNode file : request.path("files")) {
      String name = file.path("name").asString();
      api.download(file.path("url").asString(), out.resolve(name));
      saved.add(name);
    }
    System.err.println("Wrote " + String.join(", ", saved) + " to " + out);
  }
}
