package org.vividly.lessons.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vividly.lessons.Lesson;
import org.vividly.retrieval.SearchHit;

/**
 * Decides whether the library answers a question, from two signals: the best passage's cosine
 * similarity to the question, and how much of the question's content the chosen section covers (the
 * share of its content terms the section's title, text and glossary use). A question is answered when
 * the similarity is high on its own ({@code confident-similarity}), or when it is at least
 * {@code min-similarity} and the section covers at least {@code min-coverage} of the question. Both
 * thresholds are chosen on labelled question sets ({@code vividly eval lessons}); see
 * {@link LessonsProperties}.
 */
public final class LibraryGate {

  private final LessonsProperties properties;

  public LibraryGate(LessonsProperties properties) {
    this.properties = properties;
  }

  public boolean answers(Lesson.Evidence evidence) {
    if (evidence.topSimilarity() >= properties.confidentSimilarity()) return true;
    return evidence.topSimilarity() >= properties.minSimilarity() && evidence.termCoverage() >= properties.minCoverage();
  }

  /** Share of the question's content terms that the section uses, in [0, 1]; 0 for no section. */
  public static double coverage(String question, List<SearchHit> section, String title) {
    if (section.isEmpty()) return 0;
    Set<String> terms = ExtractiveComposer.questionTerms(question);
    if (terms.isEmpty()) return 0;
    Set<String> used = new HashSet<>(Terms.of(title == null ? "" : title));
    for (SearchHit h : section) {
      if (!h.kind().equals("teacher-note")) used.addAll(Terms.of(h.text()));
    }
    return terms.stream().filter(used::contains).count() / (double) terms.size();
  }
}
