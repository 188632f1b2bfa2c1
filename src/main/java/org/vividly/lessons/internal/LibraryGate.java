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

  /**
   * How much of a question a section covers, from one analysis of the section's text.
   *
   * @param terms share of the question's content terms that the section's title, text and glossary
   *     use, in [0, 1]; 0 for no section
   * @param salient share of the question's specific terms ({@link #salientTerms}) the section uses,
   *     in [0, 1]; 1 when the question has none, else 0 for no section
   */
  public record Coverage(double terms, double salient) {

    public static Coverage of(String question, List<SearchHit> section, String title) {
      Set<String> salientTerms = salientTerms(question);
      if (section.isEmpty()) return new Coverage(0, salientTerms.isEmpty() ? 1 : 0);
      Set<String> used = new HashSet<>(Terms.of(title == null ? "" : title));
      for (SearchHit h : section) {
        if (!h.kind().equals("teacher-note")) used.addAll(Terms.of(h.text()));
      }
      return new Coverage(share(ExtractiveComposer.questionTerms(question), used, 0), share(salientTerms, used, 1));
    }

    private static double share(Set<String> terms, Set<String> used, double whenNone) {
      if (terms.isEmpty()) return whenNone;
      return terms.stream().filter(used::contains).count() / (double) terms.size();
    }
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
}
