package org.vividly.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.vividly.evaluation.LessonEvaluation;
import org.vividly.support.ApiCalls;
import org.vividly.support.FakeOpenAiServer;
import org.vividly.support.OwnServer;
import org.vividly.support.SharedData;
import org.vividly.support.Zip;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lesson evaluation against the LLM composer: a local server speaking the OpenAI chat protocol
 * stands in for the model and answers, in the JSON shape the prompt asks for, from the passages it is
 * given (the section's passages that share the most words with the question; one check question
 * deliberately cites a passage outside the section). Four chapters of OpenStax Physics are the
 * library; the questions are the Physics set's questions on those chapters. Checked: every lesson is
 * the model's, its key idea and paragraphs cite what retrieval found, check questions stay in the
 * lesson's section, and no teacher-only text gets through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LlmLessonsIT {

  static final Set<String> CHAPTERS = Set.of("Mirrors and Lenses", "Sound", "Work, Energy, and Simple Machines", "Electrical Circuits");
  private static final FakeOpenAiServer LLM;
  private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
  private static final Pattern PASSAGE = Pattern.compile("(?m)^\\[(\\d+)\\] \\(([^\\n]*)\\)\\n([^\\n]*(?:\\n(?!\\[\\d+\\] \\()[^\\n]*)*)");

  static {
    try {
      LLM = new FakeOpenAiServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LLM.answerChatWith(LlmLessonsIT::answerFromPassages);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    OwnServer.register(registry, "llmlessons");
    registry.add("vividly.lessons.composer", () -> "openai");
    registry.add("vividly.lessons.llm.base-url", LLM::baseUrl);
    registry.add("vividly.lessons.llm.model", () -> "passage-reader");
    registry.add("vividly.rate-limit.enabled", () -> "false");
  }

  @AfterAll
  static void stop() {
    LLM.close();
  }

  @Value("${local.server.port}")
  int port;

  /** A model that only reads: key idea and explanation are sentences of the section's passages. */
  static String answerFromPassages(JsonNode request) {
    String prompt = request.path("messages").get(request.path("messages").size() - 1).path("content").asString();
    Matcher q = Pattern.compile("Question: ([^\\n]*)").matcher(prompt);
    Set<String> words = q.find() ? words(q.group(1)) : Set.of();
    record Given(int number, boolean section, String kind, String text) {}
    List<Given> given = new ArrayList<>();
    Matcher m = PASSAGE.matcher(prompt);
    while (m.find()) {
      String where = m.group(2);
      boolean section = where.endsWith(", section");
      if (section) where = where.substring(0, where.length() - ", section".length());
      given.add(new Given(Integer.parseInt(m.group(1)), section, where.substring(where.lastIndexOf(", ") + 2), m.group(3).strip()));
    }
    List<Given> text = given.stream().filter(g -> g.section() && g.kind().equals("text")).sorted(Comparator.comparingLong((Given g) -> -overlap(words, g.text()))).limit(3).toList();
    if (text.isEmpty()) return "{}";
    Map<String, Object> lesson = new LinkedHashMap<>();
    lesson.put("title", "Lesson");
    String first = text.getFirst().text().split("(?<=[.!?])\\s+")[0];
    lesson.put("keyIdea", Map.of("text", first, "citations", List.of(text.getFirst().number())));
    lesson.put("hook", Map.of("text", "Here is something worth knowing.", "citations", List.of(text.getFirst().number())));
    List<Map<String, Object>> explanation = new ArrayList<>();
    for (Given g : text) {
      String[] sentences = g.text().split("(?<=[.!?])\\s+");
      explanation.add(Map.of("text", String.join(" ", List.of(sentences).subList(0, Math.min(2, sentences.length))), "citations", List.of(g.number())));
    }
    lesson.put("explanation", explanation);
    lesson.put("workedExample", null);
    List<Map<String, Object>> questions = new ArrayList<>();
    given.stream().filter(g -> !g.section()).findFirst().ifPresent(g -> questions.add(Map.of("question", "A question from elsewhere?", "answer", "x", "citations", List.of(g.number()))));
    given.stream().filter(g -> g.section() && g.kind().equals("exercise")).findFirst().ifPresent(g -> questions.add(Map.of("question", g.text().split("\\n")[0], "answer", "See the section.", "citations", List.of(g.number()))));
    lesson.put("checkQuestions", questions);
    return JSON.writeValueAsString(lesson);
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) if (w.length() > 3) out.add(w);
    return out;
  }

  private static long overlap(Set<String> words, String text) {
    Set<String> t = words(text);
    return words.stream().filter(t::contains).count();
  }

  @Test
  void theLessonEvaluationRunsAgainstTheLlmComposer() throws IOException {
    Path book = SharedData.require("openstax/physics-hs");
    Map<String, String> moduleChapter = moduleChapters(book);
    Map<String, byte[]> files = Zip.folder(book, new LinkedHashMap<>());
    files.keySet().removeIf(name -> name.startsWith("modules/") && !CHAPTERS.contains(moduleChapter.getOrDefault(name.split("/")[1], "")));
    Set<String> sections = new HashSet<>();
    for (var e : moduleChapter.entrySet()) {
      if (CHAPTERS.contains(e.getValue())) sections.add(moduleTitle(book.resolve("modules").resolve(e.getKey()).resolve("index.cnxml")));
    }
    RestClient api = ApiCalls.admin("http://localhost:" + port);
    JsonNode job = ApiCalls.ingestZip(api, "physics-four-chapters.zip", Zip.of(files));
    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");

    List<LessonEvaluation.Score> scores = new ArrayList<>();
    List<Lesson> lessons = new ArrayList<>();
    try (var in = new InputStreamReader(getClass().getResourceAsStream("/eval/lessons/physics.csv"), StandardCharsets.UTF_8)) {
      for (var q : LessonEvaluation.read(in)) {
        if (q.sections().stream().noneMatch(sections::contains)) continue;
        JsonNode body = api.post().uri("/api/v1/lessons").contentType(MediaType.APPLICATION_JSON).body(Map.of("question", q.question(), "grade", 7)).retrieve().body(JsonNode.class);
        Lesson lesson = JSON.treeToValue(body, Lesson.class);
        lessons.add(lesson);
        scores.add(LessonEvaluation.score(q, lesson));
      }
    }
    assertThat(scores).as("Physics questions on the four chapters").hasSizeGreaterThanOrEqualTo(10);
    var summary = LessonEvaluation.summarize(scores, 7);
    LessonEvaluation.lines("LLM composer, four Physics chapters", summary, 7).forEach(System.out::println);
    List<Lesson> answered = lessons.stream().filter(Lesson::inLibrary).toList();
    assertThat(answered).as("answered lessons").hasSizeGreaterThanOrEqualTo(scores.size() * 8 / 10);
    assertThat(answered).allSatisfy(l -> {
      assertThat(l.composer()).isEqualTo("llm:passage-reader");
      assertThat(l.keyIdea()).as("the model's key idea, with its citation").isNotNull();
      assertThat(l.checkQuestions()).as("the question citing another section is dropped").noneMatch(c -> c.question().equals("A question from elsewhere?"));
    });
    assertThat(answered.stream().filter(l -> !l.checkQuestions().isEmpty()).count()).as("lessons with check questions").isGreaterThanOrEqualTo(answered.size() * 7L / 10);
    assertThat(summary.checkQuestionsNear()).isEqualTo(summary.checkQuestions());
    assertThat(summary.teacherOnly()).isZero();
    assertThat(summary.sectionCited()).as("lessons citing the expected section").isGreaterThanOrEqualTo(summary.inLibrary() / 2);
  }

  /** Module id to chapter title, from the collection file. */
  static Map<String, String> moduleChapters(Path book) throws IOException {
    String collection = Files.readString(book.resolve("collections/physics.collection.xml"));
    Map<String, String> out = new LinkedHashMap<>();
    Matcher chapter = Pattern.compile("(?s)<col:subcollection>\\s*<md:title>([^<]*)</md:title>(.*?)</col:subcollection>").matcher(collection);
    while (chapter.find()) {
      String title = chapter.group(1).replace("&#x2019;", "’");
      Matcher module = Pattern.compile("document=\"(m\\d+)\"").matcher(chapter.group(2));
      while (module.find()) out.put(module.group(1), title);
    }
    return out;
  }

  static String moduleTitle(Path module) throws IOException {
    Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(Files.readString(module));
    return m.find() ? m.group(1) : "";
  }
}
