package org.vividly.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vividly.evaluation.LessonEvaluation;
import org.vividly.evaluation.LessonEvaluation.LabelledQuestion;
import org.vividly.evaluation.LessonEvaluation.Score;
import org.vividly.lessons.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "lessons",
    description = {
      "Ask every question of labelled question sets through the lesson API, as a student would, and print per question and in total:",
      "answered or refused, expected section cited, key idea stated, check questions from the lesson's own chapter, teacher-only text,",
      "Flesch-Kincaid grade against --grade, words outside the Dale-Chall list, server latency p50/p99; tune and holdout parts apart.",
      "Each question is one content request: run it as an account whose plan and rate limit allow that many (see the README)."
    })
class EvalLessonsCommand implements Callable<Integer> {

  @Option(names = "--questions", required = true, split = ",", paramLabel = "FILE", description = "Question set CSV files (id,split,question,section,key_idea); repeat or separate with commas")
  List<Path> files;

  @Option(names = "--grade", defaultValue = "7", description = "Grade the lessons are asked for (default: ${DEFAULT-VALUE})")
  int grade;

  @Option(names = "--interests", split = ",", defaultValue = "basketball,music,cooking,video games,animals,space,art,soccer", description = "Interests, one per question in turn (default: ${DEFAULT-VALUE})")
  List<String> interests;

  @Option(names = "--split", defaultValue = "all", description = "tune, holdout or all (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = {"-v", "--verbose"}, description = "Also print each lesson's title, key idea and check questions")
  boolean verbose;

  @Mixin ClientOptions client;

  @Override
  public Integer call() throws IOException {
    if (!List.of("all", "tune", "holdout").contains(split)) throw new IllegalArgumentException("--split must be tune, holdout or all, was " + split);
    List<LabelledQuestion> questions = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) throw new IllegalArgumentException("No question set at " + file);
      try (Reader reader = Files.newBufferedReader(file)) {
        questions.addAll(LessonEvaluation.read(reader).stream().filter(q -> split.equals("all") || q.split().equals(split)).toList());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    if (questions.isEmpty()) throw new IllegalArgumentException("The question sets hold no " + (split.equals("all") ? "" : split + " ") + "questions.");
    ApiClient api = client.api();
    PrintStream out = System.out;
    List<Score> scores = new ArrayList<>();
    List<Lesson> lessons = new ArrayList<>();
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Asking").setInitialMax(questions.size()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
      for (int i = 0; i < questions.size(); i++) {
        LabelledQuestion q = questions.get(i);
        List<String> interest = interests.isEmpty() ? List.of() : List.of(interests.get(i % interests.size()));
        Lesson lesson = ApiClient.JSON.treeToValue(api.postPatiently("/api/v1/lessons", Map.of("question", q.question(), "grade", grade, "interests", interest), tools.jackson.databind.JsonNode.class, 100), Lesson.class);
        lessons.add(lesson);
        scores.add(LessonEvaluation.score(q, lesson));
        bar.step();
        bar.setExtraMessage(q.id());
      }
    }
    out.printf("%n%-10s %-7s %-8s %-5s %-4s %-7s %-5s %5s %6s %6s  %s%n", "id", "split", "gate", "cited", "key", "quiz", "teach", "FK", "unfam", "ms", "title");
    for (int i = 0; i < scores.size(); i++) {
      Score s = scores.get(i);
      String gate = s.answered() ? (s.question().inLibrary() ? "answered" : "ANSWERED") : (s.question().inLibrary() ? "REFUSED" : "refused");
      String quiz = s.answered() ? s.checkQuestionsNear() + "/" + s.checkQuestions() : "";
      out.printf(Locale.ROOT, "%-10s %-7s %-8s %-5s %-4s %-7s %-5s %5s %6s %6d  %s%n", s.question().id(), s.question().split(), gate, !s.answered() ? "" : s.sectionCited() ? "yes" : "NO", !s.answered() ? "" : s.keyIdea() ? "yes" : "NO", quiz, s.teacherOnly().isEmpty() ? "" : "YES", s.answered() ? String.format(Locale.ROOT, "%.1f", s.grade()) : "", s.answered() ? String.format(Locale.ROOT, "%.0f%%", 100 * s.unfamiliar()) : "", s.latencyMs(), s.title());
      if (verbose) detail(out, s, lessons.get(i));
    }
    out.println();
    for (String part : List.of("tune", "holdout")) {
      List<Score> of = scores.stream().filter(s -> s.question().split().equals(part)).toList();
      if (!of.isEmpty() && !split.equals(part)) LessonEvaluation.lines(part, LessonEvaluation.summarize(of, grade), grade).forEach(out::println);
    }
    LessonEvaluation.lines(split.equals("all") ? "all" : split, LessonEvaluation.summarize(scores, grade), grade).forEach(out::println);
    LessonEvaluation.Gate gate = LessonEvaluation.calibrate(scores.stream().filter(s -> s.question().split().equals("tune")).toList());
    if (gate != null) {
      out.printf(Locale.ROOT, "%nLibrary gate chosen on the tune part: vividly.lessons.min-similarity=%.2f, confident-similarity=%.2f, min-coverage=%.1f, min-salient-coverage=%.1f (%d of %d in-library refused, %d of %d out-of-library answered)%n", gate.min(), gate.confident(), gate.coverage(), gate.salient(), gate.falseRefusals(), gate.inLibrary(), gate.falseAnswers(), gate.outOfLibrary());
    }
    return 0;
  }

  private static void detail(PrintStream out, Score s, Lesson lesson) {
    out.println("    Q: " + s.question().question() + (s.question().inLibrary() ? "   [expected: " + String.join(" | ", s.question().sections()) + "]" : "   [expected: refusal]") + String.format(Locale.ROOT, "   similarity %.3f, coverage %.2f, section share %.2f, specific words %.2f", s.similarity(), s.coverage(), s.sectionShare(), s.salient()));
    if (!lesson.inLibrary()) return;
    out.println("    cited: " + s.cited());
    if (lesson.keyIdea() != null) out.println("    key idea: " + lesson.keyIdea().text());
    lesson.explanation().forEach(p -> out.println("    | " + p.text()));
    for (Lesson.CheckQuestion q : lesson.checkQuestions()) {
      out.println("    ? [" + q.kind() + "] " + q.question() + (q.choices().isEmpty() ? "" : " " + q.choices()) + " -> " + q.answer() + "  (" + lesson.citations().get(q.citations().getFirst() - 1).location() + ")");
    }
    s.teacherOnly().forEach(t -> out.println("    TEACHER-ONLY: " + t));
  }
}
