package org.vividly.lessons.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a section title into a topic that reads well inside a sentence: "Describing Newton's Second
 * Law of Motion" becomes "Newton's second law of motion", "Calculating Average Acceleration"
 * becomes "average acceleration".
 */
final class Topics {

  private static final Set<String> LEADING_VERBS = Set.of("describing", "calculating", "representing", "using", "understanding", "explaining", "introducing", "solving", "applying", "measuring", "finding", "defining");

  private Topics() {}

  static String of(String title) {
    List<String> words = new ArrayList<>(List.of(title.strip().split("\\s+")));
    if (words.size() > 1 && LEADING_VERBS.contains(words.getFirst().toLowerCase(Locale.ROOT))) words.removeFirst();
    List<String> out = new ArrayList<>();
    for (String w : words) {
      // Names stay capitalized: possessives (Newton's) and acronyms (DNA).
      boolean name = w.matches(".*['’]s") || w.matches("[A-Z]{2,}.*");
      out.add(name ? w : w.toLowerCase(Locale.ROOT));
    }
    return String.join(" ", out);
  }
}
