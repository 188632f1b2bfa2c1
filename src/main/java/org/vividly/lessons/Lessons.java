package org.vividly.lessons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vividly.lessons.LessonComposer.Brief;
import org.vividly.lessons.LessonComposer.CitedText;
import org.vividly.lessons.LessonComposer.Draft;
import org.vividly.lessons.internal.ExtractiveComposer;
import org.vividly.lessons.internal.LessonStore;
import org.vividly.lessons.internal.LessonsProperties;
import org.vividly.lessons.internal.LibraryGate;
import org.vividly.lessons.internal.SectionChoice;
import org.vividly.retrieval.Citation;
import org.vividly.sources.Passage;
import org.vividly.sources.Sources;
import org.vividly.retrieval.Retriever;
import org.vividly.retrieval.SearchHit;
import org.vividly.retrieval.SearchMode;
import org.vividly.retrieval.SearchRequest;
import org.vividly.retrieval.SearchResult;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Visibility;

/**
 * Answers questions with grounded lessons. Retrieval runs first; then the one section that answers
 * is chosen ({@code SectionChoice}) and read whole from the library. When the library gate
 * ({@code LibraryGate}: the best passage's similarity and the section's coverage of the question,
 * see {@code vividly.lessons.min-similarity}, {@code confident-similarity}, {@code min-coverage})
 * says the library does not answer, the answer is "not in your library" with the closest sections.
 * Otherwise the composer writes the lesson from that section, and every paragraph that cites nothing
 * retrieved is dropped before the lesson is stored.
 */
@Service
public class Lessons {

  private static final Logger log = LoggerFactory.getLogger(Lessons.class);
  /** How many sections' learning objectives are searched to help choose the section. */
  private static final int OBJECTIVES_SEARCHED = 8;
  static final String NOT_IN_LIBRARY = "This question is not answered in your library. Nothing was made up: here are the closest sections, in case one of them helps.";

  private final Retriever retriever;
  private final io.micrometer.core.instrument.MeterRegistry meters;
  private final LessonComposer composer;
  private final ExtractiveComposer fallback;
  private final LessonStore store;
  private final LessonsProperties properties;
  private final CircuitBreaker llmBreaker;
  private final Organizations organizations;
  private final org.vividly.retrieval.TokenCounter tokens;
  private final Sources sources;
  private final LibraryGate gate;

  Lessons(Retriever retriever, LessonComposer composer, ExtractiveComposer fallback, LessonStore store, LessonsProperties properties, CircuitBreakerRegistry breakers, Organizations organizations, org.vividly.retrieval.TokenCounter tokens, Sources sources, io.micrometer.core.instrument.MeterRegistry meters) {
    this.meters = meters;
    this.sources = sources;
    this.gate = new LibraryGate(properties);
    this.organizations = organizations;
    this.tokens = tokens;
    this.retriever = retriever;
    this.composer = composer;
    this.fallback = fallback;
    this.store = store;
    this.properties = properties;
    this.llmBreaker = breakers.circuitBreaker("llm");
  }

  /**
   * A lesson and what making it took.
   *
   * @param retrievalMs time spent retrieving passages, in milliseconds
   * @param compositionMs time spent composing, in milliseconds
   * @param llmTokens tokens a language model used, 0 for the embedded composer
   */
  public record Answer(Lesson lesson, long retrievalMs, long compositionMs, int llmTokens) {}

  public Lesson ask(OrganizationId org, LessonRequest request) {
    return answer(org, null, request).lesson();
  }

  /** A lesson for {@code owner}, kept under their name. */
  public Lesson ask(OrganizationId org, UUID owner, LessonRequest request) {
    return answer(org, owner, request).lesson();
  }

  /**
   * Like {@link #ask}, with the time spent on retrieval and composition measured apart. Searches the
   * organization's library and the shared libraries its settings enable, nothing else.
   *
   * @param owner who asked, or null for benchmarks and evaluations
   */
  public Answer answer(OrganizationId org, UUID owner, LessonRequest request) {
    long start = System.nanoTime();
    SearchRequest base = new SearchRequest(org, request.question(), Math.max(10, properties.passages()), SearchMode.HYBRID, request.sourceIds(), Set.of(), Set.of("teacher-note", "exercise", "example", "definition", "objectives"))
        .withLibraries(organizations.searchable(org));
    List<SearchResult> results =
        retriever.searchAll(
            List.of(
                base,
                base.withKinds(Set.of("example")).withK(3),
                base.withKinds(Set.of("exercise")).withK(8),
                base.withKinds(Set.of("definition")).withK(3),
                base.withKinds(Set.of("objectives")).withK(OBJECTIVES_SEARCHED)));
    long retrievalMs = elapsed(start);
    long composeStart = System.nanoTime();
    int tokens = 0;
    SearchResult main = results.get(0);
    SectionChoice.Chosen chosen = SectionChoice.choose(request.question(), main.hits(), results.get(3).hits(), results.get(2).hits(), results.get(4).hits());
    List<SearchHit> section = chosen == null ? List.of() : sectionPassages(org, chosen);
    String sectionTitle = section.isEmpty() ? null : SectionChoice.title(section);
    LibraryGate.Coverage coverage = LibraryGate.Coverage.of(request.question(), section, sectionTitle);
    Lesson.Evidence evidence = new Lesson.Evidence(main.hits().isEmpty() ? 0 : main.topSimilarity(), coverage.terms(), sectionTitle, chosen == null ? 0 : chosen.votes(), coverage.salient());
    Brief brief = new Brief(request.question(), request.grade(), request.interests(), main.hits(), results.get(1).hits(), results.get(2).hits(), results.get(3).hits(), List.of(), section, sectionTitle);
    Lesson lesson;
    if (main.hits().isEmpty() || section.isEmpty() || !gate.answers(evidence)) {
      lesson = notInLibrary(request, main, NOT_IN_LIBRARY, start, evidence);
    } else {
      Composed composed = compose(brief);
      Draft draft = composed.draft();
      tokens = draft.llmTokens();
      lesson = toLesson(request, brief, draft, composed.by(), start, evidence);
      if (lesson.explanation().isEmpty() && lesson.keyIdea() == null) lesson = notInLibrary(request, main, NOT_IN_LIBRARY, start, evidence);
    }
    store.save(org, owner, lesson);
    meters.counter("vividly.lessons", "outcome", lesson.inLibrary() ? "answered" : "not-in-library").increment();
    return new Answer(lesson, retrievalMs, elapsed(composeStart), tokens);
  }

  /**
   * An answer in a conversation.
   *
   * @param inLibrary false when the conversation's sources do not answer the question; then
   *     {@code message} says so and {@code citations} lists the closest passages
   * @param paragraphs the answer, each paragraph citing numbers into {@code citations}
   * @param composer which composer wrote it: {@code embedded} or {@code llm:<model>}
   * @param retrievalMs time spent retrieving, in milliseconds
   * @param compositionMs time spent composing, in milliseconds
   * @param promptTokens tokens the composer read: the model's prompt tokens with a language model,
   *     else the retrieved passages and question in embedding-model (WordPiece) tokens
   * @param completionTokens tokens of the answer, counted the same way
   */
  public record Reply(boolean inLibrary, List<Lesson.Paragraph> paragraphs, List<Lesson.CitedSource> citations, String message, String composer, long retrievalMs, long compositionMs, int promptTokens, int completionTokens) {}

  static final String NOT_IN_SOURCES = "These sources do not answer this question, so nothing was made up. The closest passages are below, in case one of them helps.";
  private static final java.util.regex.Pattern FOLLOW_UP = java.util.regex.Pattern.compile("(?i)\\b(it|its|that|this|those|these|they|them|he|she|his|her|there|what about)\\b");

  /**
   * Answers a question in a conversation from the given sources only. The last turns are context:
   * a short or referring question ("why is that?") is searched together with the previous
   * question, and a language model composer sees the turns too.
   *
   * @param history earlier turns, oldest first (the caller keeps only the last few)
   * @param sourceIds the conversation's sources; empty answers "not in these sources"
   */
  public Reply reply(OrganizationId org, String question, List<LessonComposer.Turn> history, Set<UUID> sourceIds, int grade, List<String> interests) {
    long start = System.nanoTime();
    LessonRequest request = new LessonRequest(question, grade, interests, sourceIds);
    if (sourceIds.isEmpty()) {
      return new Reply(false, List.of(), List.of(), "This conversation has no sources yet: add videos or documents to it first.", composer.name(), 0, 0, 0, 0);
    }
    String query = retrievalQuery(request.question(), history);
    SearchRequest search = new SearchRequest(org, query, properties.passages(), SearchMode.HYBRID, sourceIds, Set.of(), Set.of("teacher-note", "objectives")).withLibraries(organizations.searchable(org));
    SearchResult main = retriever.search(search);
    long retrievalMs = elapsed(start);
    long composeStart = System.nanoTime();
    LibraryGate.Coverage coverage = LibraryGate.Coverage.of(query, main.hits(), null);
    if (main.hits().isEmpty() || !gate.answers(new Lesson.Evidence(main.topSimilarity(), coverage.terms(), null, 1, coverage.salient()))) {
      List<Lesson.CitedSource> closest = new ArrayList<>();
      for (SearchHit hit : main.hits()) {
        if (closest.size() == 3) break;
        closest.add(cited(closest.size() + 1, hit));
      }
      return new Reply(false, List.of(), closest, NOT_IN_SOURCES, composer.name(), retrievalMs, 0, 0, 0);
    }
    Brief brief = new Brief(request.question(), request.grade(), request.interests(), main.hits(), List.of(), List.of(), List.of(), history);
    Composed composed = compose(brief);
    Map<Long, SearchHit> retrieved = new HashMap<>();
    for (SearchHit h : main.hits()) retrieved.putIfAbsent(h.citation().passageId(), h);
    Citations citations = new Citations(retrieved);
    List<LessonComposer.CitedText> answer = new ArrayList<>();
    if (composed.draft().keyIdea() != null) answer.add(composed.draft().keyIdea());
    answer.addAll(composed.draft().explanation());
    List<Lesson.Paragraph> paragraphs = answer.stream().map(citations::paragraph).filter(p -> p != null).toList();
    if (paragraphs.isEmpty()) return new Reply(false, List.of(), citations.list(), NOT_IN_SOURCES, composed.by(), retrievalMs, elapsed(composeStart), 0, 0);
    int promptTokens;
    int completionTokens = paragraphs.stream().mapToInt(p -> tokens.count(p.text())).sum();
    if (composed.draft().llmTokens() > 0) {
      promptTokens = Math.max(0, composed.draft().llmTokens() - completionTokens);
    } else {
      promptTokens = tokens.count(request.question()) + main.hits().stream().mapToInt(h -> tokens.count(h.text())).sum();
    }
    return new Reply(true, paragraphs, citations.list(), null, composed.by(), retrievalMs, elapsed(composeStart), promptTokens, completionTokens);
  }

  /** The question, with the previous question in front when this one refers back or is short. */
  static String retrievalQuery(String question, List<LessonComposer.Turn> history) {
    String previous = null;
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).role().equals("user")) {
        previous = history.get(i).text();
        break;
      }
    }
    if (previous == null) return question;
    boolean shortQuestion = question.split("\\s+").length <= 6;
    if (!shortQuestion && !FOLLOW_UP.matcher(question).find()) return question;
    String joined = previous + " " + question;
    return joined.length() <= 2000 ? joined : question;
  }

  /**
   * Translates narration into another language with the configured language model.
   *
   * @return the translations, same count and order; empty when no language model is configured
   * @throws IllegalStateException when the model failed or its circuit is open
   */
  public Optional<List<String>> translate(List<String> sentences, String language) {
    if (composer == fallback) return Optional.empty();
    return llmBreaker.executeSupplier(() -> composer.translate(sentences, language));
  }

  /** A lesson the caller may see (their own, their students', or any in the organization for admins). */
  public Lesson get(Visibility visibility, UUID id) {
    return store.find(visibility, id).orElseThrow(() -> new LessonNotFound(id));
  }

  public List<Lesson> recent(Visibility visibility, int limit) {
    return store.recent(visibility, limit);
  }

  /** The composer's name, for example {@code embedded}. */
  public String composerName() {
    return composer.name();
  }

  /** A draft and the name of the composer that wrote it (the fallback's, when it stood in). */
  private record Composed(Draft draft, String by) {}

  private Composed compose(Brief brief) {
    if (composer == fallback) return new Composed(fallback.compose(brief), fallback.name());
    try {
      Draft draft = llmBreaker.executeSupplier(() -> composer.compose(brief));
      if (draft.explanation().isEmpty() && draft.keyIdea() == null) {
        log.warn("The {} composer cited none of the passages it was given; composing from source sentences instead", composer.name());
        return new Composed(fallback.compose(brief), fallback.name());
      }
      return new Composed(draft, composer.name());
    } catch (CallNotPermittedException e) {
      log.info("The {} composer's circuit is open; composing from source sentences", composer.name());
      return new Composed(fallback.compose(brief), fallback.name());
    } catch (RuntimeException e) {
      log.warn("The {} composer failed ({}); composing from source sentences instead", composer.name(), e.getMessage());
      return new Composed(fallback.compose(brief), fallback.name());
    }
  }

  /** Every passage of the chosen section but its teacher notes, in reading order, as hits. */
  private List<SearchHit> sectionPassages(OrganizationId org, SectionChoice.Chosen chosen) {
    Set<OrganizationId> libraries = new LinkedHashSet<>();
    libraries.add(org);
    libraries.addAll(organizations.searchable(org));
    List<SearchHit> out = new ArrayList<>();
    for (Passage p : sources.sectionPassages(libraries, chosen.sectionId())) {
      if (p.kind().equals("teacher-note")) continue;
      Citation c = new Citation(p.id(), p.sourceId(), p.sourceTitle(), p.sectionId(), chosen.best().citation().sectionKey(), p.headingPath(), p.anchor(), p.startSeconds(), p.endSeconds());
      out.add(new SearchHit(p.kind(), p.text(), c, 0, Double.NaN));
    }
    return out;
  }

  private Lesson toLesson(LessonRequest request, Brief brief, Draft draft, String composedBy, long start, Lesson.Evidence evidence) {
    Map<Long, SearchHit> retrieved = new HashMap<>();
    for (List<SearchHit> hits : List.of(brief.passages(), brief.examples(), brief.exercises(), brief.definitions(), brief.section())) {
      for (SearchHit h : hits) retrieved.putIfAbsent(h.citation().passageId(), h);
    }
    Citations citations = new Citations(retrieved);
    Lesson.Paragraph hook = citations.paragraph(draft.hook());
    // The key idea comes first on the page, so its citation is numbered before the steps'.
    Lesson.Paragraph keyIdea = citations.paragraph(draft.keyIdea());
    List<Lesson.Paragraph> explanation = draft.explanation().stream().map(citations::paragraph).filter(p -> p != null).toList();
    Lesson.WorkedExample example = null;
    if (draft.example() != null) {
      List<Integer> n = citations.numbers(draft.example().passageIds());
      if (!n.isEmpty()) example = new Lesson.WorkedExample(draft.example().problem(), draft.example().solution(), n);
    }
    List<Lesson.CheckQuestion> questions = new ArrayList<>();
    for (LessonComposer.Question q : draft.questions()) {
      List<Integer> n = citations.numbers(q.passageIds());
      if (!n.isEmpty()) questions.add(new Lesson.CheckQuestion(q.question(), q.answer(), n, q.kind(), q.choices()));
    }
    List<Lesson.KeyTerm> terms = new ArrayList<>();
    for (LessonComposer.Term t : draft.terms()) {
      List<Integer> n = citations.numbers(List.of(t.passageId()));
      if (!n.isEmpty()) terms.add(new Lesson.KeyTerm(t.term(), t.definition(), n));
    }
    return new Lesson(UUID.randomUUID(), request.question(), request.grade(), request.interests(), true, draft.title(), hook, explanation, example, questions, citations.list(), null, List.of(), composedBy, elapsed(start), Instant.now(), keyIdea, terms, evidence);
  }

  private Lesson notInLibrary(LessonRequest request, SearchResult main, String message, long start, Lesson.Evidence evidence) {
    List<Lesson.CitedSource> closest = new ArrayList<>();
    Set<UUID> sections = new LinkedHashSet<>();
    for (SearchHit hit : main.hits()) {
      if (closest.size() == 3) break;
      if (sections.add(hit.citation().sectionId())) closest.add(cited(closest.size() + 1, hit));
    }
    return new Lesson(UUID.randomUUID(), request.question(), request.grade(), request.interests(), false, "Not in your library", null, List.of(), null, List.of(), List.of(), message, closest, composer.name(), elapsed(start), Instant.now(), null, List.of(), evidence);
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  static Lesson.CitedSource cited(int number, SearchHit hit) {
    var c = hit.citation();
    return new Lesson.CitedSource(number, c.passageId(), c.sourceId(), c.sourceTitle(), c.headingPath(), c.anchor(), Double.isNaN(hit.similarity()) ? 0 : Math.round(hit.similarity() * 1000) / 1000.0, c.startSeconds(), c.endSeconds(), snippet(hit.text()));
  }

  /** The first words of a passage, cut at a word boundary near 240 characters. */
  static String snippet(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    if (t.length() <= 240) return t;
    int cut = t.lastIndexOf(' ', 240);
    return t.substring(0, cut > 120 ? cut : 240) + "\u2026";
  }

  /** Numbers citations in order of first use and drops ids that were not retrieved. */
  private static final class Citations {
    private final Map<Long, SearchHit> retrieved;
    private final Map<Long, Integer> numbers = new HashMap<>();
    private final List<Lesson.CitedSource> list = new ArrayList<>();

    Citations(Map<Long, SearchHit> retrieved) {
      this.retrieved = retrieved;
    }

    List<Integer> numbers(List<Long> passageIds) {
      List<Integer> out = new ArrayList<>();
      for (Long id : passageIds) {
        SearchHit hit = retrieved.get(id);
        if (hit == null) continue;
        out.add(numbers.computeIfAbsent(id, k -> {
          list.add(cited(list.size() + 1, hit));
          return list.size();
        }));
      }
      return out;
    }

    Lesson.Paragraph paragraph(CitedText text) {
      if (text == null || text.text().isBlank()) return null;
      List<Integer> n = numbers(text.passageIds());
      return n.isEmpty() ? null : new Lesson.Paragraph(text.text(), n);
    }

    List<Lesson.CitedSource> list() {
      return list;
    }
  }
}
