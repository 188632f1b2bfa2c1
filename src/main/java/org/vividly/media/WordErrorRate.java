package org.vividly.media;

import java.util.Locale;

/**
 * Word error rate: the word-level Levenshtein distance (substitutions + deletions + insertions)
 * over the number of reference words, after lower-casing and dropping punctuation. 0 is perfect;
 * it can exceed 1 when the hypothesis adds many words.
 */
public final class WordErrorRate {

  private WordErrorRate() {}

  public static double of(String reference, String hypothesis) {
    String[] ref = words(reference);
    String[] hyp = words(hypothesis);
    int[][] d = new int[ref.length + 1][hyp.length + 1];
    for (int i = 0; i <= ref.length; i++) d[i][0] = i;
    for (int j = 0; j <= hyp.length; j++) d[0][j] = j;
    for (int i = 1; i <= ref.length; i++) {
      for (int j = 1; j <= hyp.length; j++) {
        int substitution = d[i - 1][j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
        d[i][j] = Math.min(substitution, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
      }
    }
    return ref.length == 0 ? 0 : d[ref.length][hyp.length] / (double) ref.length;
  }

  private static String[] words(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").strip();
    return s.isEmpty() ? new String[0] : s.split("\\s+");
  }
}
