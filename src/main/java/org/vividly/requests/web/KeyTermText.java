package org.vividly.requests.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vividly.lessons.Lesson.KeyTerm;

/**
 * Splits a lesson's text around its key terms, so that the page can show each term in bold with
 * its glossary definition on tap or focus. Only a term's first use in each text is marked: every
 * mark is a stop for the keyboard, and one per paragraph is enough to find it.
 */
public final class KeyTermText {

  /**
   * A piece of text.
   *
   * @param term the key term this piece is, or null for plain text
   * @param index the term's position in the lesson's key terms, for the id of its definition
   */
  public record Segment(String text, KeyTerm term, int index) {}

  private final List<KeyTerm> terms;
  private final List<Pattern> patterns = new ArrayList<>();

  KeyTermText(List<KeyTerm> terms) {
    this.terms = terms;
    for (KeyTerm t : terms) patterns.add(Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(t.term()) + "(?:s|es)?(?![\\p{L}\\p{N}])"));
  }

  public List<Segment> segments(String text) {
    if (text == null || text.isEmpty()) return List.of();
    record Found(int start, int end, int index) {}
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      Matcher m = patterns.get(i).matcher(text);
      if (m.find()) found.add(new Found(m.start(), m.end(), i));
    }
    // Earliest first; of two starting together the longer ("electric field" over "electric").
    found.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt((Found f) -> f.end()).reversed()));
    List<Segment> out = new ArrayList<>();
    int at = 0;
    for (Found f : found) {
      if (f.start() < at) continue;
      if (f.start() > at) out.add(new Segment(text.substring(at, f.start()), null, -1));
      out.add(new Segment(text.substring(f.start(), f.end()), terms.get(f.index()), f.index()));
      at = f.end();
    }
    if (at < text.length()) out.add(new Segment(text.substring(at), null, -1));
    return out;
  }
}
