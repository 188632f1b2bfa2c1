package org.vividly.lessons.internal;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import org.vividly.lessons.LessonComposer;
import org.vividly.retrieval.SearchHit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Composes lessons with a chat model (Ollama or any OpenAI-compatible server, through LangChain4j).
 * The model sees numbered passages and must answer only from them, citing passage numbers, in a
 * fixed JSON shape. Whatever it returns is checked: citations are mapped back to the passages that
 * were actually retrieved, and a paragraph, example or question that cites none of them is dropped.
 */
final class LlmComposer implements LessonComposer {

  static final String SYSTEM_PROMPT =
      """
      You are a careful teacher writing a short lesson for one student.
      Use ONLY the numbered passages you are given. Do not add facts that are not in them.
      Every paragraph, the worked example and every question must cite the passage numbers it uses.
      Start with the key idea: one sentence that answers the question directly.
      Then explain in short steps. Write for the student's grade level: below grade 9 use sentences of
      about 12 words and everyday words, and say what each science term means the first time.
      Never mention figures, tables, equations by number, or notes for teachers.
      Tie the opening hook to the student's interests without claiming a link that is not true.
      Check questions must come from the passages of the lesson's own section (marked "section").
      Answer with one JSON object and nothing else, in exactly this shape:
      {"title": "...",
       "keyIdea": {"text": "...", "citations": [1]},
       "hook": {"text": "...", "citations": [1]},
       "explanation": [{"text": "...", "citations": [1, 2]}],
       "workedExample": {"problem": "...", "solution": "...", "citations": [3]} or null,
       "checkQuestions": [{"question": "...", "answer": "...", "citations": [2]}]}
      Give 2 to 4 explanation paragraphs and 2 or 3 check questions.""";

  /** Passages of the chosen section given to the model, at most. */
  private static final int SECTION_PASSAGES = 10;

  private final ChatModel model;
  private final String name;
  private final JsonMapper json;

  LlmComposer(ChatModel model, String modelName, JsonMapper json) {
    this.model = model;
    this.name = "llm:" + modelName;
    this.json = json;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * The model sees the chosen section's passages first (the retrieved ones, then the rest in reading
   * order, teacher-only text left out), then the other retrieved passages. Its key idea and
   * paragraphs are kept when they cite what it was given and read as student text; its check
   * questions only when they cite the section, and the section's own questions ({@link QuizBuilder})
   * fill in when fewer than two are left. Key terms come from the section's glossary.
   */
  @Override
  public Draft compose(Brief brief) {
    List<SearchHit> numbered = numbered(brief);
    ChatResponse response = model.chat(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(prompt(brief, numbered)));
    Draft draft = parse(response.aiMessage().text(), numbered);
    if (brief.section().isEmpty()) return new Draft(draft.title(), draft.hook(), draft.explanation(), draft.example(), draft.questions(), tokens(response), draft.keyIdea(), List.of());
    java.util.Set<Long> inSection = new java.util.HashSet<>();
    brief.section().forEach(h -> inSection.add(h.citation().passageId()));
    List<Question> questions = new ArrayList<>(draft.questions().stream().filter(q -> inSection.containsAll(q.passageIds())).toList());
    QuizBuilder quiz = new QuizBuilder(brief.section());
    StringBuilder text = new StringBuilder(draft.keyIdea() == null ? "" : draft.keyIdea().text());
    draft.explanation().forEach(p -> text.append(' ').append(p.text()));
    if (questions.size() < 2) {
      for (Question q : quiz.exercisesAndChoice(text.toString())) {
        if (questions.size() >= 3) break;
        if (questions.stream().noneMatch(o -> o.question().equals(q.question()))) questions.add(q);
      }
    }
    Example example = draft.example() != null && inSection.containsAll(draft.example().passageIds()) ? draft.example() : quiz.example();
    String title = brief.sectionTitle() != null ? brief.sectionTitle() : draft.title();
    return new Draft(title, draft.hook(), draft.explanation(), example, questions, tokens(response), draft.keyIdea(), quiz.terms(text.toString()));
  }

  static List<SearchHit> numbered(Brief brief) {
    List<SearchHit> numbered = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    java.util.Set<Long> inSection = new java.util.HashSet<>();
    brief.section().forEach(h -> inSection.add(h.citation().passageId()));
    for (SearchHit h : brief.passages()) if (inSection.contains(h.citation().passageId()) && seen.add(h.citation().passageId())) numbered.add(h);
    for (SearchHit h : brief.section()) {
      if (numbered.size() >= SECTION_PASSAGES) break;
      if (!LessonText.teacherOnly(h.text()) && seen.add(h.citation().passageId())) numbered.add(h);
    }
    for (SearchHit h : brief.passages()) if (seen.add(h.citation().passageId())) numbered.add(h);
    brief.examples().stream().limit(2).filter(h -> seen.add(h.citation().passageId())).forEach(numbered::add);
    brief.exercises().stream().limit(3).filter(h -> seen.add(h.citation().passageId())).forEach(numbered::add);
    brief.definitions().stream().limit(2).filter(h -> seen.add(h.citation().passageId())).forEach(numbered::add);
    return numbered;
  }

  @Override
  public Optional<List<String>> translate(List<String> sentences, String language) {
    String target = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
    String prompt = "Translate each sentence of this JSON array into " + target + " for a narrated school lesson. Keep numbers, units and names. "
        + "Answer with only a JSON array of strings, the same number of sentences in the same order.\n\n" + json.writeValueAsString(sentences);
    String reply = model.chat(UserMessage.from(prompt)).aiMessage().text().strip();
    int start = reply.indexOf('[');
    int end = reply.lastIndexOf(']');
    if (start < 0 || end < start) throw new IllegalStateException("the model did not answer with a JSON array");
    List<String> out = new ArrayList<>();
    json.readTree(reply.substring(start, end + 1)).forEach(n -> out.add(n.asString("")));
    if (out.size() != sentences.size() || out.stream().anyMatch(String::isBlank)) throw new IllegalStateException("the model returned " + out.size() + " translations for " + sentences.size() + " sentences");
    return Optional.of(out);
  }

  private static int tokens(ChatResponse response) {
    TokenUsage usage = response.tokenUsage();
    return usage == null || usage.totalTokenCount() == null ? 0 : usage.totalTokenCount();
  }

  static String prompt(Brief brief, List<SearchHit> numbered) {
    StringBuilder p = new StringBuilder();
    p.append("Student grade: ").append(brief.grade()).append('\n');
    p.append("Student interests: ").append(brief.interests().isEmpty() ? "none given" : String.join(", ", brief.interests())).append('\n');
    if (!brief.history().isEmpty()) {
      p.append("Conversation so far (for context; answer only the new question):\n");
      for (var turn : brief.history()) p.append(turn.role().equals("user") ? "Student: " : "You: ").append(turn.text()).append('\n');
      p.append('\n');
    }
    p.append("Question: ").append(brief.question()).append("\n\nPassages:\n");
    java.util.Set<Long> inSection = new java.util.HashSet<>();
    brief.section().forEach(h -> inSection.add(h.citation().passageId()));
    for (int i = 0; i < numbered.size(); i++) {
      SearchHit hit = numbered.get(i);
      String where = inSection.contains(hit.citation().passageId()) ? ", section" : "";
      p.append('[').append(i + 1).append("] (").append(hit.citation().location()).append(", ").append(hit.kind()).append(where).append(")\n").append(hit.text()).append("\n\n");
    }
    return p.toString();
  }

  Draft parse(String reply, List<SearchHit> numbered) {
    String text = reply.strip();
    int start = text.indexOf('{');
    int end = text.lastIndexOf('}');
    if (start < 0 || end < start) throw new IllegalStateException("the model did not answer with JSON");
    JsonNode root = json.readTree(text.substring(start, end + 1));
    CitedText hook = cited(root.path("hook").path("text").asString(""), root.path("hook").path("citations"), numbered);
    CitedText keyIdea = cited(root.path("keyIdea").path("text").asString(""), root.path("keyIdea").path("citations"), numbered);
    if (keyIdea != null && LessonText.teacherOnly(keyIdea.text())) keyIdea = null;
    List<CitedText> explanation = new ArrayList<>();
    for (JsonNode p : root.path("explanation")) {
      CitedText c = cited(p.path("text").asString(""), p.path("citations"), numbered);
      if (c != null && !LessonText.teacherOnly(c.text())) explanation.add(c);
    }
    Example example = null;
    JsonNode e = root.path("workedExample");
    if (e.isObject()) {
      List<Long> ids = ids(e.path("citations"), numbered);
      if (!ids.isEmpty() && !e.path("problem").asString("").isBlank()) example = new Example(e.path("problem").asString(), e.path("solution").asString(""), ids);
    }
    List<Question> questions = new ArrayList<>();
    for (JsonNode q : root.path("checkQuestions")) {
      List<Long> ids = ids(q.path("citations"), numbered);
      if (!ids.isEmpty() && !q.path("question").asString("").isBlank()) questions.add(new Question(q.path("question").asString(), q.path("answer").asString(""), ids));
    }
    String title = root.path("title").asString("");
    return new Draft(title.isBlank() ? numbered.getFirst().citation().sectionTitle() : title, hook, explanation, example, questions, 0, keyIdea, List.of());
  }

  private static CitedText cited(String text, JsonNode citations, List<SearchHit> numbered) {
    List<Long> ids = ids(citations, numbered);
    return text.isBlank() || ids.isEmpty() ? null : new CitedText(text.strip(), ids);
  }

  /** Maps cited passage numbers to passage ids, keeping only numbers that were actually given. */
  static List<Long> ids(JsonNode citations, List<SearchHit> numbered) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode c : citations) {
      int n = c.isNumber() ? c.asInt() : parseNumber(c.asString(""));
      if (n >= 1 && n <= numbered.size()) {
        long id = numbered.get(n - 1).citation().passageId();
        if (!ids.contains(id)) ids.add(id);
      }
    }
    return ids;
  }

  private static int parseNumber(String s) {
    try {
      return Integer.parseInt(s.replaceAll("[^0-9]", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
