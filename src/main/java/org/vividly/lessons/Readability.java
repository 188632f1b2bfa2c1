package org.vividly.lessons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading-level measures of English text.
 *
 * <ul>
 *   <li>Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers and Chissom, 1975):
 *       {@code 0.39 * words/sentences + 11.8 * syllables/words - 15.59}. Syllables are counted by
 *       vowel groups with a silent-e rule, within one syllable for most English words.
 *   <li>The share of words outside the New Dale-Chall list of about 3,000 familiar words (Chall and
 *       Dale, 1995; the list as the npm package {@code dale-chall} 2.0.1 ships it). Regular
 *       inflections of a familiar word (plural -s/-es, -ed, -ing, -er, -est, -ly) count as familiar,
 *       as the formula's rules say; numbers are not words.
 * </ul>
 */
public final class Readability {

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
  private static final Set<String> FAMILIAR = load();

  private Readability() {}

  /** Flesch-Kincaid grade of a text of one or more sentences; 0 for a text without words. */
  public static double fleschKincaidGrade(String text) {
    List<String> sentences = sentences(text);
    int words = 0;
    int syllables = 0;
    for (String s : sentences) {
      for (String w : words(s)) {
        words++;
        syllables += syllables(w);
      }
    }
    if (words == 0) return 0;
    int count = Math.max(1, (int) sentences.stream().filter(s -> !words(s).isEmpty()).count());
    return 0.39 * words / count + 11.8 * syllables / (double) words - 15.59;
  }

  /** Share of the text's words, in [0, 1], that are not on the New Dale-Chall familiar list. */
  public static double unfamiliarShare(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) return 0;
    return words.stream().filter(w -> !familiar(w)).count() / (double) words.size();
  }

  /** Whether a word, or the word it is a regular inflection of, is on the familiar list. */
  public static boolean familiar(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
    if (FAMILIAR.contains(w)) return true;
    for (String[] rule : INFLECTIONS) {
      if (w.length() > rule[0].length() + 2 && w.endsWith(rule[0])) {
        String stem = w.substring(0, w.length() - rule[0].length()) + rule[1];
        if (FAMILIAR.contains(stem)) return true;
      }
    }
    // Doubled consonant before -ed, -ing, -er, -est: "stopped", "running", "bigger".
    for (String ending : List.of("ed", "ing", "er", "est")) {
      if (w.length() > ending.length() + 3 && w.endsWith(ending)) {
        String stem = w.substring(0, w.length() - ending.length());
        if (stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2) && FAMILIAR.contains(stem.substring(0, stem.length() - 1))) return true;
      }
    }
    return false;
  }

  private static final String[][] INFLECTIONS = {
    {"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"},
    {"ier", "y"}, {"iest", "y"}, {"er", ""}, {"er", "e"}, {"est", ""}, {"est", "e"}, {"ily", "y"}, {"ly", ""}
  };

  /** ICU's suppressions miss initialisms with inner stops ("U.S."): see {@link #sentencePieces}. */
  private static final Pattern INITIALISM_END = Pattern.compile("(^|[\\s(])(\\p{Lu}\\.){2,}\\s+$");

  /**
   * English sentence breaks (Unicode UAX #29) that do not break after an abbreviation: ICU's own
   * English list ("Mr.", "Mrs.", "e.g.") and the ones textbooks use that it leaves out as ambiguous,
   * so "the U.S. Department of Energy" and "Dr. Curie" stay one sentence (the JDK's rules break
   * after both). Building the filter takes 0.1-0.5 ms, a clone of it (which never holds text) about 1 µs.
   */
  private static final BreakIterator SENTENCE_BREAKS;

  static {
    FilteredBreakIteratorBuilder abbreviations = FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH);
    for (String a : List.of("Dr.", "Prof.", "St.", "Mt.", "vs.", "Fig.", "Figs.", "Eq.", "Eqs.", "No.", "approx.", "ca.", "Jr.", "Sr.", "Inc.", "Ltd.", "Co.")) abbreviations.suppressBreakAfter(a);
    SENTENCE_BREAKS = abbreviations.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ULocale.ENGLISH));
  }

  /** A break iterator holds its text, so each use takes its own copy. */
  private static synchronized BreakIterator sentenceBreaks() {
    return (BreakIterator) SENTENCE_BREAKS.clone();
  }

  /** Sentences of a text, by English sentence rules that know abbreviations, each line on its own. */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String piece : sentencePieces(text)) {
      String s = piece.strip();
      if (!s.isEmpty()) out.add(s);
    }
    return out;
  }

  /**
   * The text cut where {@link #sentences} cuts it, white space and line ends kept, so that the
   * pieces joined are the text again (for marking sentences in place).
   */
  public static List<String> sentencePieces(String text) {
    List<String> out = new ArrayList<>();
    int lineStart = 0;
    BreakIterator it = sentenceBreaks();
    while (lineStart < text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline + 1;
      String line = text.substring(lineStart, lineEnd);
      it.setText(line);
      int from = it.first();
      for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
        // ICU's suppressions miss initialisms with inner stops ("U.S."): no break after one before a word.
        if (end < line.length() && INITIALISM_END.matcher(line.substring(from, end)).find()) continue;
        out.add(line.substring(from, end));
        from = end;
      }
      if (from < line.length()) out.add(line.substring(from));
      lineStart = lineEnd;
    }
    return out;
  }

  /** The words of a text: runs of letters, apostrophes and hyphens that start with a letter. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** Syllables of one word by vowel groups, at least 1. */
  public static int syllables(String word) {
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

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = Readability.class.getResourceAsStream("/lessons/dale-chall.txt")) {
      if (in == null) throw new IllegalStateException("lessons/dale-chall.txt is missing from the classpath");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) words.add(line.strip().toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
