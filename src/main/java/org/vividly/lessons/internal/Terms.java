package org.vividly.lessons.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Content terms of a text: Lucene's English analysis (lower case, stop words out, Porter stems). */
final class Terms {

  private static final Analyzer ANALYZER = new EnglishAnalyzer();

  private Terms() {}

  static Set<String> of(String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = ANALYZER.tokenStream("t", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) terms.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /** Jaccard similarity of two term sets. */
  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) return 1;
    int common = 0;
    for (String t : a) if (b.contains(t)) common++;
    return common / (double) (a.size() + b.size() - common);
  }
}
