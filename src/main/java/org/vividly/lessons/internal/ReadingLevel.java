package org.vividly.lessons.internal;

import java.util.Locale;

/**
 * Flesch-Kincaid grade level (Kincaid et al., 1975):
 * {@code 0.39 * words/sentences + 11.8 * syllables/words - 15.59}. Syllables are counted by vowel
 * groups with a silent-e rule, which is within one syllable for most English words.
 */
final class ReadingLevel {

  private ReadingLevel() {}

  static double grade(String sentence) {
    String[] words = sentence.replaceAll("[^\\p{L}\\s'-]", " ").trim().split("\\s+");
    int count = 0;
    int syllables = 0;
    for (String w : words) {
      if (w.isBlank()) continue;
      count++;
      syllables += syllables(w);
    }
    if (count == 0) return 0;
    return 0.39 * count + 11.8 * syllables / (double) count - 15.59;
  }

  static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (w.length() <= 3) return 1;
    if (w.endsWith("e") && !w.endsWith("le")) w = w.substring(0, w.length() - 1);
    int groups = 0;
    boolean inVowel = false;
    for (char c : w.toCharArray()) {
      boolean vowel = "aeiouy".indexOf(c) >= 0;
      if (vowel && !inVowel) groups++;
      inVowel = vowel;
    }
    return Math.max(1, groups);
  }
}
