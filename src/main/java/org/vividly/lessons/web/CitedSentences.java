package org.vividly.lessons.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vividly.lessons.Lesson;

/**
 * Which sentences of a passage a lesson took, so that the passage opens with them highlighted.
 * The embedded composer lifts sentences and may shorten them (drops brackets, splits long ones);
 * a language model rewords them. So a sentence counts as cited when most of its words (at least
 * {@value #SHARE_PERCENT}%) occur in a text of the lesson that cites the passage; when none does, the
 * one sharing the most words is highlighted if it shares at least a third of them.
 */
public final class CitedSentences {

  static final int SHARE_PERCENT = 60;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

  /** A piece of the passage, in order; all pieces together are the passage's text. */
  public record Segment(String text, boolean cited) {}

  private CitedSentences() {}

  static List<Segment> of(String passage, List<String> citing) {
    // Cut as the composer cut the passage when it took its sentences.
    List<String> pieces = org.vividly.lessons.Readability.sentencePieces(passage);
    Set<String> lessonWords = new HashSet<>();
    for (String text : citing) lessonWords.addAll(words(text));
    boolean[] cited = new boolean[pieces.size()];
    int best = -1;
    double bestShare = 0;
    for (int i = 0; i < pieces.size(); i++) {
      Set<String> words = words(pieces.get(i));
      if (words.size() < 3) continue;
      long shared = words.stream().filter(lessonWords::contains).count();
      double share = (double) shared / words.size();
      if (share * 100 >= SHARE_PERCENT) cited[i] = true;
      if (share > bestShare) {
        bestShare = share;
        best = i;
      }
    }
    boolean any = false;
    for (boolean c : cited) any |= c;
    if (!any && best >= 0 && bestShare >= 1.0 / 3) cited[best] = true;
    List<Segment> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      // Neighbouring pieces of the same kind become one, so that a run of cited sentences is one mark.
      if (!out.isEmpty() && out.getLast().cited() == cited[i]) out.set(out.size() - 1, new Segment(out.getLast().text() + pieces.get(i), cited[i]));
      else out.add(new Segment(pieces.get(i), cited[i]));
    }
    return trimmed(out);
  }

  /** The white space after a cited run goes outside its mark. */
  private static List<Segment> trimmed(List<Segment> segments) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : segments) {
      String text = s.text();
      int end = text.length();
      while (s.cited() && end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
      if (end == text.length() || end == 0) {
        out.add(s);
        continue;
      }
      out.add(new Segment(text.substring(0, end), true));
      out.add(new Segment(text.substring(end), false));
    }
    // A trailing space split off a mark joins the plain text after it.
    List<Segment> joined = new ArrayList<>();
    for (Segment s : out) {
      if (!joined.isEmpty() && !joined.getLast().cited() && !s.cited()) joined.set(joined.size() - 1, new Segment(joined.getLast().text() + s.text(), false));
      else joined.add(s);
    }
    return joined;
  }

  /** The lesson's texts that cite the passage: key idea, hook, steps, terms, worked example, questions. */
  static List<String> citing(Lesson lesson, long passageId) {
    Set<Integer> numbers = new HashSet<>();
    for (Lesson.CitedSource c : lesson.citations()) if (c.passageId() == passageId) numbers.add(c.number());
    List<String> out = new ArrayList<>();
    if (numbers.isEmpty()) return out;
    if (lesson.keyIdea() != null && cites(lesson.keyIdea().citations(), numbers)) out.add(lesson.keyIdea().text());
    if (lesson.hook() != null && cites(lesson.hook().citations(), numbers)) out.add(lesson.hook().text());
    for (Lesson.Paragraph p : lesson.explanation()) if (cites(p.citations(), numbers)) out.add(p.text());
    for (Lesson.KeyTerm t : lesson.keyTerms()) if (cites(t.citations(), numbers)) out.add(t.term() + ": " + t.definition());
    Lesson.WorkedExample e = lesson.workedExample();
    if (e != null && cites(e.citations(), numbers)) out.add(e.problem() + " " + e.solution());
    for (Lesson.CheckQuestion q : lesson.checkQuestions()) if (cites(q.citations(), numbers)) out.add(q.question().replace("_____", q.answer()) + " " + q.answer());
    return out;
  }

  private static boolean cites(List<Integer> citations, Set<Integer> numbers) {
    return citations != null && citations.stream().anyMatch(numbers::contains);
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) out.add(m.group());
    return out;
  }
}
