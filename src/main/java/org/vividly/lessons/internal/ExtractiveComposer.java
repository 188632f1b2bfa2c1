package org.vividly.lessons.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vividly.lessons.LessonComposer;
import org.vividly.lessons.Readability;
import org.vividly.retrieval.Embedder;
import org.vividly.retrieval.SearchHit;

/**
 * The embedded default composer: builds the lesson from the source's own sentences, so every
 * sentence is grounded and keeps its citation. No language model is involved.
 *
 * <p>The lesson comes from the one section chosen to answer the question ({@link Brief#section()}).
 * Its sentences are filtered ({@link LessonText#usable}), then scored by how much of the question
 * they cover (terms weighted by inverse sentence frequency in the section), whether they give the
 * kind of answer the question wants ({@link QuestionKind}: a definition, a cause, a mechanism, a
 * contrast), their place in the section, and how close their Flesch-Kincaid grade and share of
 * unfamiliar words are to the student's grade (each grade above the student's + 2 costs more); the
 * book's own summary sentences gain and sentences about one worked case lose. The best general
 * statement (no numbers or formulas, not addressed to "you") becomes the key idea; the explanation is
 * chosen by maximal marginal relevance (Carbonell and Goldstein, 1998) over term overlap, kept in the
 * book's order, with the sentence before a dangling opener ("This means...") brought along. The
 * worked example, key terms and check questions come from the same section ({@link QuizBuilder}).
 * A conversation has no chosen section: the retrieved passages stand in for it.
 */
public final class ExtractiveComposer implements LessonComposer {

  /**
   * Words every question has that say nothing about its subject (stems), and the fillers of spoken
   * questions ("super fast", "kinda", "stuff"). It overlaps {@code retrieval.QuestionWords} (surface
   * forms for lexical queries) but is not derived from it: the sentence scores were measured with
   * this set, and dropping pronouns and auxiliaries too moved which passage a chat answer cites first.
   */
  private static final Set<String> QUESTION_WORDS = Set.of("why", "how", "what", "when", "where", "which", "who", "doe", "do", "happen", "make", "work", "thing", "mean", "explain", "tell", "differ", "differenc", "use", "get", "can", "like", "realli", "actual", "someth", "way", "kind", "exactli", "super", "kinda", "sorta", "stuff", "gonna", "wanna", "pleas", "anywai", "okai", "guy");
  private static final double MMR_LAMBDA = 0.7;
  /**
   * What one of the book's summary statements gains, on top of its score, when the key idea is
   * chosen: the book's own statement of a section's idea beats a detail that matched more words.
   */
  private static final double KEY_SUMMARY_BONUS = 0.2;
  /**
   * Headings of the part of a section where the book states its key ideas itself ("Section Summary",
   * "Key Concepts and Summary", "Key Points"): their sentences are general statements, not examples.
   */
  static final Pattern SUMMARY = Pattern.compile("(?i)\\b(summary|key (concepts|points|ideas|takeaways)|recap|in a nutshell)\\b");
  /**
   * Signs of a sentence about one worked case rather than the idea: a number, a chemical formula
   * (subscript digits), or "for example".
   */
  static final Pattern SPECIFIC = Pattern.compile("\\d|[\u2080-\u2089]|\\b[Ff]or (example|instance)\\b|\\be\\.g\\.");
  /** How many of the best sentences by terms are re-scored by the embedding model. */
  private static final int EMBEDDED_CANDIDATES = 12;

  private final Embedder embedder;

  /** A composer that scores sentences by terms alone (tests, and when no embedding model is wanted). */
  public ExtractiveComposer() {
    this(null);
  }

  /**
   * @param embedder scores the best candidate sentences by cosine similarity to the question; null
   *     scores by terms alone
   */
  public ExtractiveComposer(Embedder embedder) {
    this.embedder = embedder;
  }

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public Draft compose(Brief brief) {
    List<SearchHit> section = brief.section().isEmpty() ? brief.passages() : brief.section();
    String title = brief.sectionTitle() != null ? brief.sectionTitle() : brief.passages().getFirst().citation().sectionTitle();
    QuestionKind kind = QuestionKind.of(brief.question());
    Set<String> questionTerms = questionTerms(brief.question());
    List<Sentence> sentences = sentences(section, brief.grade());
    score(sentences, questionTerms, kind, brief.grade());
    preferRetrieved(sentences, brief.passages());
    rescoreByMeaning(brief.question(), sentences);
    List<Sentence> ranked = sentences.stream().filter(s -> s.score > 0).sorted(Comparator.comparingDouble((Sentence s) -> s.score).reversed()).toList();
    QuizBuilder quiz = new QuizBuilder(section);
    SearchHit anchor = section.stream().filter(h -> h.kind().equals("text")).findFirst().orElse(brief.passages().getFirst());
    CitedText hook = new CitedText(InterestHooks.hook(brief.interests(), Topics.of(title), brief.question()), List.of(anchor.citation().passageId()));
    if (ranked.isEmpty()) {
      return new Draft(title, hook, List.of(), quiz.example(), quiz.questions(List.of()), 0, null, List.of());
    }
    // The key idea is a general statement: not one worked case, not a story told to "you", when the section has one.
    Sentence key = keyIdea(ranked);
    CitedText keyIdea = kind == QuestionKind.DEFINITION ? quiz.definitionOf(questionTerms) : null;
    if (keyIdea == null) keyIdea = new CitedText(LessonText.withoutConnective(key.readable), List.of(key.passage.citation().passageId()));
    List<Sentence> chosen = explanation(ranked, key, brief.grade());
    List<CitedText> steps = steps(chosen, sentences);
    StringBuilder shown = new StringBuilder(key.readable);
    chosen.forEach(s -> shown.append(' ').append(s.readable));
    List<Term> terms = quiz.terms(shown.toString());
    List<Question> questions = quiz.questions(chosen.isEmpty() ? List.of(key) : concat(key, chosen));
    return new Draft(title, hook, steps, quiz.example(), questions, 0, keyIdea, terms);
  }

  /**
   * The key idea among sentences ranked best first: a general statement ({@link #general}, not
   * dangling, not a box's aside), the book's summary statements ahead by {@link #KEY_SUMMARY_BONUS};
   * else the best that does not dangle; else the best.
   */
  static Sentence keyIdea(List<Sentence> ranked) {
    return ranked.stream().filter(s -> !LessonText.dangling(s.readable) && general(s.readable) && !LessonText.aside(s.original))
        .max(Comparator.comparingDouble(s -> s.score + (summary(s) ? KEY_SUMMARY_BONUS : 0)))
        .orElse(ranked.stream().filter(s -> !LessonText.dangling(s.readable)).findFirst().orElse(ranked.getFirst()));
  }

  /** Whether a sentence is one of the book's own summary statements ({@link #SUMMARY}). */
  static boolean summary(Sentence s) {
    List<String> path = s.passage.citation().headingPath();
    return !path.isEmpty() && SUMMARY.matcher(path.getLast()).find();
  }

  private static List<Sentence> concat(Sentence first, List<Sentence> rest) {
    List<Sentence> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** Whether a sentence states something in general: no worked case ({@link #SPECIFIC}) and not addressed to the reader. */
  static boolean general(String sentence) {
    return !SPECIFIC.matcher(sentence).find() && !SECOND_PERSON.matcher(sentence).find();
  }

  private static final Pattern SECOND_PERSON = Pattern.compile("(?i)\\b(you|your|you're)\\b");

  static Set<String> questionTerms(String question) {
    Set<String> terms = new java.util.LinkedHashSet<>(Terms.of(question));
    terms.removeAll(QUESTION_WORDS);
    return terms.isEmpty() ? Terms.of(question) : terms;
  }

  /** A usable sentence of the section, with its place and what it reads as for this grade. */
  static final class Sentence {
    final SearchHit passage;
    final int passageIndex;
    final int position;
    final String original;
    final String readable;
    final Set<String> terms;
    double score;

    Sentence(SearchHit passage, int passageIndex, int position, String original, String readable) {
      this.passage = passage;
      this.passageIndex = passageIndex;
      this.position = position;
      this.original = original;
      this.readable = readable;
      this.terms = readable == null ? Set.of() : Terms.of(readable);
    }
  }

  /** The section's text sentences in reading order; sentences that cannot stand in a lesson are kept out. */
  static List<Sentence> sentences(List<SearchHit> section, int grade) {
    List<Sentence> out = new ArrayList<>();
    int position = 0;
    for (int p = 0; p < section.size(); p++) {
      SearchHit passage = section.get(p);
      if (!passage.kind().equals("text") && !passage.kind().equals("transcript")) continue;
      if (LessonText.teacherOnly(passage.text())) continue;
      for (String line : passage.text().split("\\n")) {
        if (line.startsWith("Figure:") || line.strip().endsWith(":")) {
          position++;
          continue;
        }
        for (String s : Readability.sentences(line.startsWith("• ") ? line.substring(2) : line)) {
          position++;
          if (!LessonText.usable(s, grade)) {
            out.add(new Sentence(passage, p, position, s, null));
            continue;
          }
          String readable = String.join(" ", LessonText.readable(s, grade));
          out.add(new Sentence(passage, p, position, s, readable));
        }
      }
    }
    return out;
  }

  private static void score(List<Sentence> sentences, Set<String> questionTerms, QuestionKind kind, int grade) {
    Map<String, Integer> df = new HashMap<>();
    int n = 0;
    for (Sentence s : sentences) {
      if (s.readable == null) continue;
      n++;
      for (String t : s.terms) df.merge(t, 1, Integer::sum);
    }
    double totalWeight = 0;
    Map<String, Double> weight = new HashMap<>();
    for (String t : questionTerms) {
      double w = Math.log(1 + (n + 1.0) / (df.getOrDefault(t, 0) + 1.0));
      weight.put(t, w);
      totalWeight += w;
    }
    double readabilityWeight = grade <= 8 ? 0.4 : grade <= 10 ? 0.25 : 0.1;
    int last = sentences.isEmpty() ? 1 : Math.max(1, sentences.getLast().position);
    for (Sentence s : sentences) {
      if (s.readable == null || LessonText.dangling(s.readable) && !hasAntecedent(s, sentences)) {
        s.score = 0;
        continue;
      }
      double covered = 0;
      for (String t : questionTerms) if (s.terms.contains(t)) covered += weight.get(t);
      double coverage = totalWeight == 0 ? 0 : covered / totalWeight;
      if (coverage == 0) {
        s.score = 0;
        continue;
      }
      double cue = kind.strongCue.matcher(s.readable).find() ? 0.25 : kind.cue.matcher(s.readable).find() ? 0.1 : 0;
      double place = 0.1 * (1 - s.position / (double) last);
      double fk = Readability.fleschKincaidGrade(s.readable);
      double level = Math.min(1, Math.abs(fk - grade) / 6.0);
      double unfamiliar = Readability.unfamiliarShare(s.readable);
      double words = Readability.words(s.readable).size();
      double length = words < 8 ? 0.1 : words > (grade <= 8 ? 25 : 35) ? 0.15 : 0;
      // Each grade above the student's + 2 costs more, so the easiest sentence that answers wins.
      double tooHard = Math.min(0.4, (grade <= 8 ? 0.1 : 0.05) * Math.max(0, fk - (grade + 2)));
      double summary = summary(s) ? 0.15 : 0;
      double specific = SPECIFIC.matcher(s.readable).find() ? 0.15 : 0;
      // A sentence on the question's terms stays a candidate, however hard it reads.
      s.score = Math.max(0.01, 0.6 * coverage + cue + place + summary - specific + readabilityWeight * (1 - level) - (grade <= 8 ? 0.2 : 0.1) * unfamiliar - length - tooHard + 0.05);
    }
  }

  /**
   * Sentences of the passages retrieval ranked for this question gain by that rank (up to 0.2 for
   * the best): within a long section they mark the part that answers it.
   */
  private static void preferRetrieved(List<Sentence> sentences, List<SearchHit> retrieved) {
    Map<Long, Integer> rank = new HashMap<>();
    for (int i = 0; i < retrieved.size(); i++) rank.putIfAbsent(retrieved.get(i).citation().passageId(), i);
    for (Sentence s : sentences) {
      Integer r = rank.get(s.passage.citation().passageId());
      if (r != null && s.score > 0) s.score += 0.2 / (1 + r);
    }
  }

  /**
   * Adds the embedding model's view: the best candidates by terms are embedded with the question, and
   * each gains up to 0.4 by its cosine similarity (bge-small similarities of related sentences lie
   * around 0.55-0.85, so similarity is rescaled from that range).
   */
  private void rescoreByMeaning(String question, List<Sentence> sentences) {
    if (embedder == null) return;
    List<Sentence> candidates = sentences.stream().filter(s -> s.score > 0).sorted(Comparator.comparingDouble((Sentence s) -> s.score).reversed()).limit(EMBEDDED_CANDIDATES).toList();
    if (candidates.size() < 2) return;
    float[] q = embedder.embedQuery(question);
    List<float[]> vectors = embedder.embedPassages(candidates.stream().map(s -> s.readable).toList());
    for (int i = 0; i < candidates.size(); i++) {
      double cosine = dot(q, vectors.get(i));
      candidates.get(i).score += 0.4 * Math.max(0, Math.min(1, (cosine - 0.55) / 0.3));
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }

  /** Whether a dangling sentence's antecedent, the sentence before it in its passage, is usable. */
  private static boolean hasAntecedent(Sentence s, List<Sentence> sentences) {
    Sentence previous = previous(s, sentences);
    return previous != null && previous.readable != null && !LessonText.dangling(previous.readable);
  }

  private static Sentence previous(Sentence s, List<Sentence> sentences) {
    int i = sentences.indexOf(s);
    if (i <= 0) return null;
    Sentence p = sentences.get(i - 1);
    return p.passage == s.passage ? p : null;
  }

  /** Sentences for the explanation by maximal marginal relevance, fewer for younger students. */
  private static List<Sentence> explanation(List<Sentence> ranked, Sentence key, int grade) {
    int wanted = grade <= 6 ? 5 : grade <= 8 ? 6 : grade <= 10 ? 7 : 8;
    double floor = key.score * 0.45;
    List<Sentence> chosen = new ArrayList<>();
    List<Sentence> shown = new ArrayList<>(List.of(key));
    pick(new ArrayList<>(ranked.stream().filter(s -> s != key && s.score >= floor).toList()), wanted, chosen, shown);
    // A short section, or a language the term weights do not know, still gets a few steps.
    if (chosen.size() < 2) pick(new ArrayList<>(ranked.stream().filter(s -> s != key && !chosen.contains(s)).toList()), 2, chosen, shown);
    return chosen;
  }

  private static void pick(List<Sentence> pool, int wanted, List<Sentence> chosen, List<Sentence> shown) {
    while (chosen.size() < wanted && !pool.isEmpty()) {
      Sentence best = null;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (Sentence c : pool) {
        double redundancy = 0;
        for (Sentence o : shown) redundancy = Math.max(redundancy, Terms.jaccard(o.terms, c.terms));
        if (redundancy > 0.6) continue;
        double value = MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * redundancy;
        if (value > bestValue) {
          bestValue = value;
          best = c;
        }
      }
      if (best == null) break;
      pool.remove(best);
      chosen.add(best);
      shown.add(best);
    }
  }

  /**
   * The explanation as short steps: chosen sentences in the book's order, a dangling sentence with
   * its antecedent before it, at most three sentences of one passage to a step.
   */
  private static List<CitedText> steps(List<Sentence> chosen, List<Sentence> all) {
    List<Sentence> ordered = new ArrayList<>();
    for (Sentence s : all) {
      if (!chosen.contains(s)) continue;
      Sentence previous = previous(s, all);
      if (LessonText.dangling(s.readable) && previous != null && !ordered.contains(previous)) {
        if (previous.readable == null) continue;
        ordered.add(previous);
      }
      ordered.add(s);
    }
    Map<Integer, List<Sentence>> groups = new LinkedHashMap<>();
    int step = 0;
    Sentence last = null;
    for (Sentence s : ordered) {
      if (last == null || last.passage != s.passage || groups.get(step).size() == 3 || s.position - last.position > 2) step++;
      groups.computeIfAbsent(step, k -> new ArrayList<>()).add(s);
      last = s;
    }
    List<CitedText> out = new ArrayList<>();
    for (List<Sentence> group : groups.values()) {
      StringBuilder text = new StringBuilder();
      Sentence before = null;
      for (Sentence s : group) {
        String t = before != null && s.position == before.position + 1 ? s.readable : LessonText.withoutConnective(s.readable);
        if (text.length() > 0) text.append(' ');
        text.append(t);
        before = s;
      }
      out.add(new CitedText(text.toString(), List.of(group.getFirst().passage.citation().passageId())));
    }
    return out;
  }
}
