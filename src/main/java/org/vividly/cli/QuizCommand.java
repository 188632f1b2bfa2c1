package org.vividly.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "quiz",
    description = {
      "Answer the check questions of one of your lessons: each question is printed, your answer is read from standard input,",
      "and the server grades it and shows the passage it comes from. For a multiple-choice question type the letter or the choice;",
      "for an exercise write your answer, read the solution, then mark yourself (y/n). Answers count towards your sections' mastery.",
      "Exit status: 0 all answered, 6 input ended before the last question."
    })
class QuizCommand implements Callable<Integer> {

  @Parameters(paramLabel = "LESSON_ID", description = "The lesson's id, as printed by ask --json or shown in the lesson page's address") String lessonId;

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    return run(client.api(), lessonId, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
  }

  /** Asks every check question of the lesson in turn; answers how it ended (0, or 6 when input ran out). */
  static int run(ApiClient api, String lessonId, BufferedReader in, PrintStream out) {
    JsonNode lesson = api.get("/api/v1/lessons/{id}", lessonId);
    List<JsonNode> questions = lesson.path("checkQuestions").valueStream().toList();
    if (questions.isEmpty()) {
      out.println("This lesson has no check questions.");
      return 0;
    }
    int right = 0;
    for (int i = 0; i < questions.size(); i++) {
      JsonNode q = questions.get(i);
      String kind = q.path("kind").asString("exercise");
      out.printf("%nQuestion %d of %d%s%n%s%n", i + 1, questions.size(), kind.equals("multiple-choice") ? " (choose one)" : kind.equals("cloze") ? " (fill in the blank)" : " (exercise)", q.path("question").asString());
      List<String> choices = q.path("choices").valueStream().map(JsonNode::asString).toList();
      for (int c = 0; c < choices.size(); c++) out.printf("  %c) %s%n", 'a' + c, choices.get(c));
      JsonNode feedback = null;
      while (feedback == null) {
        String answer = read(in, out, choices.isEmpty() ? "Your answer: " : "Your answer (a-" + (char) ('a' + choices.size() - 1) + "): ");
        if (answer == null) return stopped(out, right, i);
        feedback = send(api, lessonId, i, choice(answer, choices), null, out);
      }
      if (feedback.path("correct").isNull()) {
        out.println("Solution: " + feedback.path("expectedAnswer").asString());
        JsonNode marked = null;
        while (marked == null) {
          String mark = read(in, out, "Did your answer match the solution? [y/n]: ");
          if (mark == null) return stopped(out, right, i);
          if (!mark.matches("(?i)y(es)?|n(o)?")) continue;
          marked = send(api, lessonId, i, feedback.path("answer").asString(), mark.toLowerCase().startsWith("y") ? "right" : "wrong", out);
        }
        feedback = marked;
      }
      if (feedback.path("correct").asBoolean()) right++;
      print(feedback, out);
    }
    out.printf("%n%d of %d right.%n", right, questions.size());
    return 0;
  }

  /** A letter (or number) names a choice; anything else is sent as typed. */
  static String choice(String answer, List<String> choices) {
    String a = answer.strip().toLowerCase();
    if (a.length() == 1 && a.charAt(0) >= 'a' && a.charAt(0) < 'a' + choices.size()) return choices.get(a.charAt(0) - 'a');
    if (a.matches("\\d{1,2}") && Integer.parseInt(a) >= 1 && Integer.parseInt(a) <= choices.size()) return choices.get(Integer.parseInt(a) - 1);
    return answer.strip();
  }

  /** The server's feedback, or null (after saying why) when it refused the answer. */
  private static JsonNode send(ApiClient api, String lessonId, int index, String answer, String selfAssessment, PrintStream out) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("questionIndex", index);
    body.put("answer", answer);
    if (selfAssessment != null) body.put("selfAssessment", selfAssessment);
    try {
      return api.post("/api/v1/lessons/" + lessonId + "/answers", body, JsonNode.class);
    } catch (IllegalStateException e) {
      out.println(e.getMessage());
      return null;
    }
  }

  private static void print(JsonNode feedback, PrintStream out) {
    boolean correct = feedback.path("correct").asBoolean();
    String verdict = feedback.path("selfAssessed").asBoolean() ? "" : correct ? "Right! " : "Not quite. ";
    out.println(verdict + feedback.path("message").asString());
    JsonNode passage = feedback.path("passage");
    if (!passage.isMissingNode() && !passage.isNull()) {
      out.printf("  [%d] %s%n", passage.path("number").asInt(), passage.path("location").asString());
      out.println("  " + SearchCommand.snippet(passage.path("text").asString(""), 400));
    }
  }

  /** The next non-empty line, or null at the end of input. */
  private static String read(BufferedReader in, PrintStream out, String prompt) {
    try {
      while (true) {
        out.print(prompt);
        out.flush();
        String line = in.readLine();
        if (line == null) return null;
        if (!line.isBlank()) return line.strip();
      }
    } catch (IOException e) {
      return null;
    }
  }

  private static int stopped(PrintStream out, int right, int answered) {
    out.printf("%nStopped after %d questions (%d right); answer the rest later with vividly quiz.%n", answered, right);
    return 6;
  }
}
