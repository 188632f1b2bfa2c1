package org.vividly.lessons.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vividly.retrieval.SearchHit;

/**
 * Chooses the one section that answers a question, before any sentence is picked. Every retrieved
 * passage votes for its section by reciprocal rank (the explanatory passages and the sections'
 * learning objectives at full weight, glossary entries and exercises at half), and a section whose headings share the question's content terms
 * gains; a chapter opener ("Introduction") counts for little, since it previews the chapter rather
 * than teaching any of it.
 */
public final class SectionChoice {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SectionChoice.class);

  private SectionChoice() {}

  /**
   * A chosen section.
   *
   * @param sectionId the section
   * @param best its best-ranked explanatory passage
   * @param votes its share of all votes, in (0, 1]
   */
  public record Chosen(UUID sectionId, SearchHit best, double votes) {}

  /** The best section, or null when nothing was retrieved. */
  public static Chosen choose(String question, List<SearchHit> passages, List<SearchHit> definitions, List<SearchHit> exercises) {
    return choose(question, passages, definitions, exercises, List.of());
  }

  /**
   * The best section, or null when nothing was retrieved.
   *
   * @param objectives learning objectives retrieved for the question, best first: the section whose
   *     objectives match says it teaches this, so it gains like a well-ranked passage
   */
  public static Chosen choose(String question, List<SearchHit> passages, List<SearchHit> definitions, List<SearchHit> exercises, List<SearchHit> objectives) {
    Set<String> terms = ExtractiveComposer.questionTerms(question);
    Map<UUID, Double> score = new LinkedHashMap<>();
    Map<UUID, SearchHit> best = new HashMap<>();
    Map<UUID, List<String>> headings = new HashMap<>();
    vote(passages, 1.0, score, best, headings);
    vote(definitions, 0.5, score, best, headings);
    vote(exercises, 0.5, score, best, headings);
    vote(objectives, 1.0, score, best, headings);
    if (score.isEmpty()) return null;
    double total = 0;
    UUID chosen = null;
    double top = Double.NEGATIVE_INFINITY;
    for (Map.Entry<UUID, Double> e : score.entrySet()) {
      List<String> path = headings.get(e.getKey());
      double value = e.getValue();
      Set<String> headingTerms = Terms.of(String.join(" ", path.subList(Math.min(1, path.size()), path.size())));
      long shared = terms.stream().filter(headingTerms::contains).count();
      if (!terms.isEmpty()) value += 0.5 * shared / terms.size();
      if (opener(path)) value *= 0.3;
      total += value;
      e.setValue(value);
      if (value > top) {
        top = value;
        chosen = e.getKey();
      }
    }
    if (log.isDebugEnabled()) {
      StringBuilder b = new StringBuilder("Sections for '" + question + "':");
      score.entrySet().stream().sorted(Map.Entry.<UUID, Double>comparingByValue().reversed()).limit(6)
          .forEach(e -> b.append(String.format(java.util.Locale.ROOT, "%n  %.3f %s", e.getValue(), String.join(" > ", headings.get(e.getKey())))));
      log.debug(b.toString());
    }
    SearchHit hit = best.get(chosen);
    return new Chosen(chosen, hit, total == 0 ? 1 : top / total);
  }

  private static void vote(List<SearchHit> hits, double weight, Map<UUID, Double> score, Map<UUID, SearchHit> best, Map<UUID, List<String>> headings) {
    for (int rank = 0; rank < hits.size(); rank++) {
      SearchHit h = hits.get(rank);
      UUID id = h.citation().sectionId();
      if (id == null) continue;
      score.merge(id, weight / (rank + 2), Double::sum);
      best.putIfAbsent(id, h);
      headings.merge(id, h.citation().headingPath(), (a, b) -> a.size() <= b.size() ? a : b);
    }
  }

  /** A chapter's opening section: titled "Introduction" (or "Chapter Introduction", "Overview"). */
  static boolean opener(List<String> path) {
    for (String h : path.subList(Math.min(1, path.size()), path.size())) {
      String t = h.toLowerCase(Locale.ROOT).strip();
      if (t.equals("introduction") || t.equals("chapter introduction") || t.equals("overview") || t.startsWith("introduction to ")) return true;
    }
    return false;
  }

  /**
   * The title of a section from its passages' heading paths: the deepest heading they all share
   * (the section's own), leaving out the glossary's heading.
   */
  public static String title(List<SearchHit> section) {
    List<String> common = null;
    for (SearchHit h : section) {
      List<String> path = new ArrayList<>(h.citation().headingPath());
      if (!path.isEmpty() && path.getLast().equals("Glossary")) path.removeLast();
      if (common == null) {
        common = path;
        continue;
      }
      int n = 0;
      while (n < common.size() && n < path.size() && common.get(n).equals(path.get(n))) n++;
      common = new ArrayList<>(common.subList(0, n));
    }
    if (common == null || common.isEmpty()) return section.isEmpty() ? null : section.getFirst().citation().sectionTitle();
    return common.getLast();
  }
}
