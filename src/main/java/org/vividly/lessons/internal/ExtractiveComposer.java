package org.vividly.lessons.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vividly.lessons.LessonComposer;
import org.vividly.retrieval.SearchHit;

/**
 * The embedded default composer: builds the lesson from the sources' own sentences, so every
 * sentence is grounded and keeps its citation. No language model is involved.
 *
 * <p>Sentences of the retrieved passages are scored by how many of the question's content terms
 * they contain, how highly their passage ranked, and how close their Flesch-Kincaid grade is to the
 * student's; near-duplicates (term Jaccard above 0.6) are dropped. The best are grouped back by
 * passage, in the order the source gives them, one paragraph per passage. The worked example comes
 * from the source's examples, the check questions from its exercises with solutions, and, when
 * those run short, from its glossary.
 */
public final class ExtractiveComposer implements LessonComposer {

  private static final int MAX_SENTENCES = 7;
  private static final int MAX_PARAGRAPHS = 4;
  private static final double DUPLICATE = 0.6;
  private static final Pattern COMPLETE = Pattern.compile("[.!][\"”’)]?$");
  /** How far below the best passage's cosine similarity a passage may be and still be used. */
  private static final double RELEVANCE_MARGIN = 0.08;
  /** Sentences that point at things a lesson does not show, or talk about the book itself. */
  private static final Pattern UNUSABLE =
      Pattern.compile("(?i)(\\bfigure\\b|\\btable \\d|\\bthis (section|chapter|module)\\b|by the end of|you will be able|\\bsee (the )?(figure|section|chapter)|\\bclick\\b|\\bsimulation\\b|\\[(BL|OL|AL)\\])");

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public Draft compose(Brief brief) {
    Set<String> questionTerms = Terms.of(brief.question());
    SearchHit top = brief.passages().getFirst();
    String topic = Topics.of(top.citation().sectionTitle());
    CitedText hook = new CitedText(InterestHooks.hook(brief.interests(), topic) + " " + lead(brief.question()), List.of(top.citation().passageId()));
    List<CitedText> explanation = explanation(brief, questionTerms);
    Example example = example(brief);
    List<Question> questions = questions(brief, example);
    return new Draft(top.citation().sectionTitle(), hook, explanation, example, questions);
  }

  private static String lead(String question) {
    String q = question.strip();
    return q.endsWith("?") ? "Let's find out: " + q : "Let's look at " + Character.toLowerCase(q.charAt(0)) + q.substring(1).replaceAll("[.!]$", "") + ".";
  }

  private record Candidate(SearchHit passage, int passageRank, int position, String text, Set<String> terms, double score) {}

  private List<CitedText> explanation(Brief brief, Set<String> questionTerms) {
    List<Candidate> candidates = new ArrayList<>();
    List<SearchHit> passages = new ArrayList<>(brief.definitions().stream().filter(d -> mentionsTerm(d, questionTerms)).limit(1).toList());
    // Passages far below the best one are usually about something else that shares a word.
    double best = brief.passages().stream().mapToDouble(SearchHit::similarity).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    brief.passages().stream().filter(p -> Double.isNaN(best) || p.similarity() >= best - RELEVANCE_MARGIN).forEach(passages::add);
    for (int rank = 0; rank < passages.size(); rank++) {
      SearchHit passage = passages.get(rank);
      List<String> sentences = sentences(passage);
      for (int i = 0; i < sentences.size(); i++) {
        String s = sentences.get(i);
        int words = s.split("\\s+").length;
        // A sentence that does not end like one ("... gives") introduced an equation or list we do not show.
        if (words < 6 || words > 60 || !COMPLETE.matcher(s).find() || s.startsWith("•") || UNUSABLE.matcher(s).find()) continue;
        Set<String> terms = Terms.of(s);
        double overlap = questionTerms.isEmpty() ? 0 : terms.stream().filter(questionTerms::contains).count() / (double) questionTerms.size();
        if (overlap == 0 && rank > 0) continue;
        double rankPrior = 1.0 / (1 + rank);
        double level = Math.min(1, Math.abs(ReadingLevel.grade(s) - brief.grade()) / 8.0);
        double score = 0.5 * overlap + 0.35 * rankPrior + 0.15 * (1 - level);
        candidates.add(new Candidate(passage, rank, i, s, terms, score));
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : candidates) {
      if (chosen.size() == MAX_SENTENCES) break;
      if (chosen.stream().anyMatch(o -> Terms.jaccard(o.terms(), c.terms()) > DUPLICATE)) continue;
      if (chosen.stream().map(Candidate::passageRank).distinct().count() == MAX_PARAGRAPHS && chosen.stream().noneMatch(o -> o.passageRank() == c.passageRank())) continue;
      chosen.add(c);
    }
    Map<Integer, List<Candidate>> byPassage = new LinkedHashMap<>();
    chosen.stream()
        .sorted(Comparator.comparingInt(Candidate::passageRank).thenComparingInt(Candidate::position))
        .forEach(c -> byPassage.computeIfAbsent(c.passageRank(), r -> new ArrayList<>()).add(c));
    List<CitedText> paragraphs = new ArrayList<>();
    for (List<Candidate> group : byPassage.values()) {
      String text = String.join(" ", group.stream().map(Candidate::text).toList());
      paragraphs.add(new CitedText(text, List.of(group.getFirst().passage().citation().passageId())));
    }
    return paragraphs;
  }

  private static boolean mentionsTerm(SearchHit definition, Set<String> questionTerms) {
    String term = definition.text().split(":", 2)[0];
    Set<String> termTerms = Terms.of(term);
    return !termTerms.isEmpty() && questionTerms.containsAll(termTerms);
  }

  private Example example(Brief brief) {
    for (SearchHit hit : brief.examples()) {
      if (!near(hit, brief)) continue;
      String[] parts = hit.text().split("\\nSolution: ", 2);
      if (parts.length < 2) continue;
      String problem = parts[0].replaceFirst("^[^\\n]*:\\n", "").strip();
      return new Example(problem, parts[1].replace("\nDiscussion: ", "\n\n").strip(), List.of(hit.citation().passageId()));
    }
    return null;
  }

  private List<Question> questions(Brief brief, Example example) {
    List<Question> questions = new ArrayList<>();
    for (SearchHit hit : brief.exercises()) {
      if (questions.size() == 3) break;
      String[] parts = hit.text().split("\\nSolution: ", 2);
      if (parts.length < 2 || !near(hit, brief)) continue;
      if (example != null && parts[0].strip().equals(example.problem())) continue;
      String answer = parts[1].split("\\nDiscussion: ", 2)[0].strip();
      if (answer.length() < 2) continue;
      questions.add(new Question(parts[0].strip(), answer, List.of(hit.citation().passageId())));
    }
    for (SearchHit definition : brief.definitions()) {
      if (questions.size() >= 3) break;
      String[] parts = definition.text().split(":", 2);
      if (parts.length < 2 || parts[1].isBlank()) continue;
      String term = parts[0].strip();
      String meaning = parts[1].strip().replaceAll("\\.$", "");
      if (meaning.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT))) continue;
      questions.add(new Question("What is the term for this: " + meaning + "?", capitalize(term) + ".", List.of(definition.citation().passageId())));
    }
    return questions;
  }

  /**
   * Whether an example or exercise belongs with this lesson: it sits in the chapter of one of the
   * top passages, or it is about as similar to the question as the best passage.
   */
  private static boolean near(SearchHit hit, Brief brief) {
    double best = brief.passages().stream().mapToDouble(SearchHit::similarity).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    if (!Double.isNaN(hit.similarity()) && hit.similarity() >= best - 0.05) return true;
    return brief.passages().stream().filter(p -> Double.isNaN(best) || p.similarity() >= best - RELEVANCE_MARGIN).limit(3).anyMatch(p -> sameChapter(hit, p));
  }

  private static boolean sameChapter(SearchHit a, SearchHit b) {
    List<String> pa = a.citation().headingPath();
    List<String> pb = b.citation().headingPath();
    if (!a.citation().sourceId().equals(b.citation().sourceId())) return false;
    return pa.size() < 2 || pb.size() < 2 || pa.get(1).equals(pb.get(1));
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static List<String> sentences(SearchHit passage) {
    List<String> out = new ArrayList<>();
    for (String line : passage.text().split("\\n")) {
      BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
      it.setText(line);
      for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
        String s = line.substring(start, end).strip();
        if (!s.isEmpty()) out.add(s);
      }
    }
    return out;
  }
}
