package org.vividly.lessons.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Readability;
import org.vividly.retrieval.SearchHit;

/**
 * Decides whether the library answers a question, from three signals: the best passage's cosine
 * similarity to the question; how much of the question's content the chosen section covers (the
 * share of its content terms the section's title, text and glossary use); and whether the section
 * uses the question's specific words, those outside the New Dale-Chall list of words familiar to
 * fourth graders (Chall and Dale, 1995). A question about "tectonic plates" or "compound interest"
 * looks as similar to a science book as a real one, but the book never says "tectonic".
 *
 * <p>A question is answered when its similarity is at least {@code min-similarity}, the section uses
 * at least {@code min-salient-coverage} of its specific words, and either the similarity reaches
 * {@code confident-similarity} or the section covers at least {@code min-coverage} of its terms. The
 * thresholds are chosen on labelled question sets ({@code vividly eval lessons}); see
 * {@link LessonsProperties}.
 */
public final class LibraryGate {

  private final LessonsProperties properties;

  public LibraryGate(LessonsProperties properties) {
    this.properties = properties;
  }

  public boolean answers(Lesson.Evidence evidence) {
    if (evidence.topSimilarity() < properties.minSimilarity()) return false;
    if (evidence.salientCoverage() < properties.minSalientCoverage()) return false;
    return evidence.topSimilarity() >= properties.confidentSimilarity() || evidence.termCoverage() >= properties.minCoverage();
  }

  /** Share of the question's content terms that the section uses, in [0, 1]; 0 for no section. */
  public static double coverage(String question, List<SearchHit> section, String title) {
    if (section.isEmpty()) return 0;
    Set<String> terms = ExtractiveComposer.questionTerms(question);
    if (terms.isEmpty()) return 0;
    Set<String> used = used(section, title);
    return terms.stream().filter(used::contains).count() / (double) terms.size();
  }

  /**
   * Share of the question's specific terms ({@link #salientTerms}) that the section uses, in [0, 1]:
   * 1 when the question has none, 0 for no section.
   */
  public static double salientCoverage(String question, List<SearchHit> section, String title) {
    Set<String> salient = salientTerms(question);
    if (salient.isEmpty()) return 1;
    if (section.isEmpty()) return 0;
    Set<String> used = used(section, title);
    return salient.stream().filter(used::contains).count() / (double) salient.size();
  }

  /**
   * The stems of a question's content words that are not on the New Dale-Chall familiar list: the
   * words that name what the question is specifically about ("refraction", "tectonic", "vaccine"),
   * as opposed to everyday ones ("light", "bend", "water").
   */
  static Set<String> salientTerms(String question) {
    Set<String> content = ExtractiveComposer.questionTerms(question);
    Set<String> salient = new LinkedHashSet<>();
    for (String word : Readability.words(question)) {
      if (word.length() < 4 || Readability.familiar(word)) continue;
      for (String stem : Terms.of(word)) if (content.contains(stem)) salient.add(stem);
    }
    return salient;
  }

  private static Set<String> used(List<SearchHit> section, String title) {
    Set<String> used = new HashSet<>(Terms.of(title == null ? "" : title));
    for (SearchHit h : section) {
      if (!h.kind().equals("teacher-note")) used.addAll(Terms.of(h.text()));
    }
    return used;
  }
}
