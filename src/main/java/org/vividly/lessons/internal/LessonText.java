package org.vividly.lessons.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vividly.lessons.Readability;

/**
 * What of a source's text may reach a student, and how it is made readable: sentences that point at
 * things a lesson does not show (figures, equations, tables, simulations, "this section"), teacher-only
 * notes, questions and fragments are left out; references and parentheticals are removed; long
 * sentences are split at clause boundaries when the grade asks for it.
 */
public final class LessonText {

  /** OpenStax teacher-support text and notes written to teachers. */
  public static final Pattern TEACHER_ONLY = Pattern.compile("(?i)teacher support|teaching tip|\\[(BL|OL|AL|EL)\\]|teacher demonstration|\\b(tell|ask|have|remind|show|help) (the |your )?students\\b|\\bstudents (should|may|might|will) (be asked|need|understand|learn)|\\bmisconception alert\\b|\\b(discuss|review) with (the )?(class|students)\\b");

  /** Sentences about things a lesson does not show, or about the book itself. */
  private static final Pattern POINTS_ELSEWHERE =
      Pattern.compile(
          "(?i)(\\b(figure|fig\\.|table|equation|eq\\.|example|chapter|section|appendix)\\s+\\(?\\d|\\bthe (figure|table|equation|box)\\b|\\bshown (in|below|above|here)\\b|\\bas shown\\b|\\b(see|look at|refer to) (the )?(figure|table|graph|image|diagram|photo|picture|video|simulation|animation|chapter|section|appendix)|"
              + "\\b(figure|graph|diagram|image|photo|picture|illustration|table)\\b.*\\b(below|above|shows|illustrates)\\b|\\b(below|above)\\b.*\\b(figure|graph|diagram|image|photo|picture|illustration|table)\\b|"
              + "\\bthis (section|chapter|module|lab|activity|simulation|figure|table|graph|photo|image)\\b|by the end of|you will (be able|learn|explore|see)|learning objectives?|\\bclick\\b|\\bsimulation\\b|\\binteractive\\b|\\bwatch (the|this)\\b|\\bin this (video|animation|lab)|"
              + "\\b(in|on) the (photo|photograph|picture|image|diagram|illustration|graph|drawing|map)\\b|"
              + "^\\(?[a-h]\\)|\\([a-h]\\)|\\bpart \\([a-h]\\)|\\b(the following|as follows|listed below)\\b|\\bcredit:|\\bhttps?://|\\bwww\\.)");

  /**
   * Traces of a reference the parser could not keep (a figure link becomes nothing: "In, we have",
   * "the roller coaster in."), the book talking about itself ("we will explore ... later"), and lab
   * instructions ("Hold a strip of paper...").
   */
  private static final Pattern BROKEN_OR_BOOKISH =
      Pattern.compile("(?i)(\\b(in|see|at|of|from|shown in|as in|like)\\s*[,.;:)]|\\s[,.;:]|\\(\\s*\\)|\\bin (combine|show|is|are|was|has)\\b|\\b(we will|we[’']ll|we shall|later in|in the next|in the previous|in this text|let[’']s|let us|we now|we have (seen|learned|discussed)|we saw|we learned|earlier in|we (take|took) a (closer )?look|we (turn|return) to)\\b|\\b(will|shall) be (addressed|discussed|covered|explained|described|examined|treated|considered|explored|presented)\\b)");
  /** Verbs a lab instruction or exercise starts with ("Hold a strip of paper...", "Calculate..."). */
  private static final String INSTRUCTION_VERBS = "See|Express|Name|State|Estimate|Convert|Classify|Balance|Rank|Suggest|Propose|Give|Provide|Outline|Evaluate|Derive|Verify|Justify|Summarize|Define|Hold|Bring|Place|Put|Take|Fill|Pour|Measure|Record|Use|Try|Look|Think|Repeat|Predict|Compare|Observe|Draw|Write|Make|Attach|Cut|Tie|Drop|Push|Pull|Set|Turn|Add|Mix|Stir|Heat|Remove|Choose|Imagine|Consider|Suppose|Assume|Note|Notice|Recall|Remember|Find|Calculate|Determine|Explain|Describe|List|Identify|Discuss|Read|Watch|Click|Open|Go|Get|Let|Plot|Graph|Label|Sketch|Start|Begin|Keep|Allow|Wait|Check|Ask|Work|Visit|Explore|Review|Complete|Perform|Test|Sort|Arrange";
  private static final Pattern IMPERATIVE = Pattern.compile("^(" + INSTRUCTION_VERBS + ")\\b|\\b(this|the) (site|website|link|video)\\b");
  /** An instruction after an opening clause: "To test for airflow, hold a strip of paper...". */
  private static final Pattern IMPERATIVE_AFTER_CLAUSE = Pattern.compile("^(To|When|If|Before|After|Once|While|For|Next|First|Then|Now)\\b[^,]{0,80},\\s+(?i:" + INSTRUCTION_VERBS + ")\\s+(a|an|the|this|that|these|your|some|it|them|one|two|each|all|both|how|what|whether|if)\\b");

  /** Openers that lean on a sentence before them. */
  private static final Pattern DANGLING = Pattern.compile("^(This|These|That|Those|It|Its|They|Their|Them|Such|Here|There|Both|Another|Then|Also|The down ?side|The other|The same|The latter|The former|In this case|In that case|In these cases|In such cases?|In this way|The scenario|The situation|The answer|At that|At this|Each of (these|them|those)|Other examples|As a result|For this reason|Because of this|Likewise|Similarly|Instead|Otherwise|Again|Yet)\\b");
  /** Connectives that can be dropped when the sentence before them is not shown. */
  private static final Pattern CONNECTIVE = Pattern.compile("^(However|Thus|Therefore|Hence|So|In addition|Additionally|Furthermore|Moreover|In other words|In fact|Of course|Consequently|Nevertheless|Still|Now|Recall that|Note that|Notice that|Remember that),?\\s+");
  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^()]*\\)");
  private static final Pattern REFERENCE_PARENTHETICAL = Pattern.compile("(?i)\\s*\\((see|figure|fig\\.|table|equation|eq\\.|example|chapter|section|credit|photo|image|[a-h]\\))[^()]*\\)");
  private static final Pattern MATH = Pattern.compile("[=<>≈∝×÷±√∑∫Δ]|\\b[a-zA-Z]_[a-zA-Z0-9]|\\^|\\b\\d+(\\.\\d+)?\\s*(×|x)\\s*10");

  private LessonText() {}

  /** Whether a text is written to teachers. */
  public static boolean teacherOnly(String text) {
    return TEACHER_ONLY.matcher(text).find();
  }

  /**
   * Whether a sentence of a source can stand in a lesson: a complete statement (not a question, a
   * list lead-in or a caption) that points at nothing the lesson does not show.
   */
  static boolean usable(String sentence, int grade) {
    String s = sentence.strip();
    if (s.isEmpty() || !Character.isUpperCase(s.codePointAt(0))) return false;
    if (!s.matches("(?s).*[.!][\"”’)]?$")) return false;
    int words = Readability.words(s).size();
    if (words < 6 || words > 60) return false;
    if (s.startsWith("Figure:") || s.startsWith("•") || s.contains("[") || s.contains("_")) return false;
    if (POINTS_ELSEWHERE.matcher(s).find() || BROKEN_OR_BOOKISH.matcher(s).find() || IMPERATIVE.matcher(s).find() || IMPERATIVE_AFTER_CLAUSE.matcher(s).find() || teacherOnly(s)) return false;
    if (grade <= 10 && MATH.matcher(s).find()) return false;
    return true;
  }

  /** A box's label before its first sentence: "EYE SAFETY—Looking at the Sun...", "WARNING: ...". */
  private static final Pattern BOX_LABEL = Pattern.compile("^\\p{Lu}[\\p{Lu}’' ]*\\p{Lu}\\s*[—–:]\\s*(?=\\p{Lu})");

  /** Whether a sentence opens a box of its own (a safety note, a career link), an aside to the section's idea. */
  static boolean aside(String sentence) {
    return BOX_LABEL.matcher(sentence).find();
  }

  /** Whether a sentence leans on the one before it ("This means...", "They..."). */
  static boolean dangling(String sentence) {
    return DANGLING.matcher(sentence).find() || POINTS_BACK.matcher(sentence).find();
  }

  /** A reference back inside the sentence: "Examples of this type of lever", "the latter two". */
  private static final Pattern POINTS_BACK = Pattern.compile("(?i)\\b(this|these|those|that) (type|types|kind|kinds|sort|sorts) of\\b|\\bthe (latter|former)\\b|\\b(above|preceding) (example|examples|discussion|equation|list)\\b");

  /** Drops a leading connective ("However, ...") a sentence no longer follows. */
  static String withoutConnective(String sentence) {
    var m = CONNECTIVE.matcher(sentence);
    if (!m.find()) return sentence;
    String rest = sentence.substring(m.end());
    return rest.isEmpty() ? sentence : capitalize(rest);
  }

  /**
   * A sentence made readable for a grade: reference parentheticals always go, every parenthetical
   * below grade 11; below grade 10 a long sentence is split at a semicolon, at ", which" and at ", and"
   * or ", but" when both halves can stand alone (never inside a list: "A, B, and the C").
   */
  static List<String> readable(String sentence, int grade) {
    String s = REFERENCE_PARENTHETICAL.matcher(BOX_LABEL.matcher(sentence).replaceFirst("")).replaceAll("");
    if (grade <= 10) s = PARENTHETICAL.matcher(s).replaceAll("");
    s = s.replaceAll("\\s+([,.;:!?])", "$1").replaceAll("\\s{2,}", " ").strip();
    List<String> out = new ArrayList<>();
    if (grade >= 10 || Readability.words(s).size() <= (grade <= 8 ? 14 : 16)) {
      out.add(s);
      return out;
    }
    split(s, out);
    return out;
  }

  private static final Pattern SPLIT = Pattern.compile("; |, which (means|is why|makes|causes|allows|gives|explains) |, which (is|are) (?=(?:a|an|the)\\b)|, (and|but|so) (?=(?:the|a|an|this|these|it|they|we|you|its|their|each|every|some|most|many|all|[A-Z])\\b)| (because) |, (whereas) ");

  private static void split(String s, List<String> out) {
    var m = SPLIT.matcher(s);
    int from = 0;
    String carry = null;
    while (m.find()) {
      String left = s.substring(from, m.start()).strip().replaceAll("[,;:]+$", "");
      String right = s.substring(m.end());
      if (Readability.words(left).size() < 6 || Readability.words(right).size() < 6) continue;
      // Never inside a quotation: "The car won't start because it has no gas."
      if (quotes(s.substring(0, m.start())) % 2 == 1) continue;
      // "the speed of an object, the distance it travels, and the time it takes" is a list, not two clauses.
      if (m.group(3) != null && left.contains(",")) continue;
      out.add(join(carry, left) + ".");
      String sep = m.group();
      if (m.group(2) != null) carry = m.group(2).equals("is") ? "It is" : "They are";
      else if (sep.startsWith(", which")) carry = "This " + m.group(1);
      else if (m.group(4) != null) carry = "This is because";
      else if (m.group(5) != null) carry = "In contrast,";
      else if (sep.startsWith(", but")) carry = "But";
      else if (sep.startsWith(", so")) carry = "So";
      else carry = null;
      from = m.end();
    }
    String last = s.substring(from).strip();
    out.add(join(carry, last));
  }

  private static int quotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\u201c' || c == '\u201d') n++;
    }
    return n;
  }

  private static String join(String carry, String text) {
    if (carry == null) return capitalize(text);
    return carry + " " + text;
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
