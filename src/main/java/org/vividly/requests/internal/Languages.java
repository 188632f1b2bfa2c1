package org.vividly.requests.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;

/**
 * Tells which language a lesson is written in by its stop words (Lucene's lists), which is
 * reliable for paragraphs of prose: function words make up a third to a half of running text and
 * differ between these languages.
 */
final class Languages {

  private static final Map<String, CharArraySet> STOP_WORDS = new LinkedHashMap<>();

  static {
    STOP_WORDS.put("en", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    STOP_WORDS.put("es", SpanishAnalyzer.getDefaultStopSet());
    STOP_WORDS.put("fr", FrenchAnalyzer.getDefaultStopSet());
    STOP_WORDS.put("de", GermanAnalyzer.getDefaultStopSet());
    STOP_WORDS.put("it", ItalianAnalyzer.getDefaultStopSet());
    STOP_WORDS.put("pt", PortugueseAnalyzer.getDefaultStopSet());
  }

  private Languages() {}

  /** The ISO 639-1 code of the language with the most stop words in the text, or {@code fallback}. */
  static String detect(String text, String fallback) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
    String best = fallback;
    int bestCount = 0;
    for (var e : STOP_WORDS.entrySet()) {
      int count = 0;
      for (String w : words) {
        if (!w.isEmpty() && e.getValue().contains(w)) count++;
      }
      if (count > bestCount) {
        best = e.getKey();
        bestCount = count;
      }
    }
    return bestCount >= 3 ? best : fallback;
  }
}
