package org.vividly.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Readability;

/**
 * Scores lessons against labelled questions: whether the library answered, whether the expected
 * section is cited, whether the key idea is stated, where the check questions come from, whether
 * teacher-only text reached the student, and how the explanation reads against the requested grade
 * (Flesch-Kincaid grade; share of words outside the New Dale-Chall familiar list).
 *
 * <p>A question set is CSV (RFC 4180, header line) with the columns {@code id, split, question,
 * section, key_idea}: {@code split} is {@code tune} or {@code holdout}; {@code section} is the title
 * of the section that answers the question ({@code |} between equally good ones), empty for a
 * question the library should refuse; {@code key_idea} is a regular expression, matched
 * case-insensitively against the key idea and explanation with whitespace collapsed.
 */
public final class LessonEvaluation {

  /** Text written for teachers: OpenStax "Teacher Support" boxes and their [BL]/[OL]/[AL] notes. */
  static final Pattern TEACHER_ONLY = Pattern.compile("(?i)teacher support|teaching tip|\\[(BL|OL|AL|EL)\\]|teacher demonstration|\\b(tell|ask|have|remind|show) (the )?students\\b|\\bstudents (should|may|might) (be asked|need to be)|\\bmisconception alert\\b");

  private LessonEvaluation() {}

  /**
   * A labelled question.
   *
   * @param sections titles of the sections that answer it; empty when the library should refuse it
   * @param keyIdea matches a statement of the answer's key idea; null when refused
   */
  public record LabelledQuestion(String id, String split, String question, List<String> sections, Pattern keyIdea) {

    public boolean inLibrary() {
      return !sections.isEmpty();
    }
  }

  /**
   * Reads a question set.
   *
   * @throws IllegalArgumentException naming the line when a row lacks a column, has an unknown split
   *     or an invalid regular expression
   */
  public static List<LabelledQuestion> read(Reader csv) {
    List<LabelledQuestion> out = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
    try {
      for (CSVRecord row : format.parse(csv)) {
        String where = "line " + row.getParser().getCurrentLineNumber();
        for (String column : List.of("id", "split", "question", "section", "key_idea")) {
          if (!row.isMapped(column) || !row.isSet(column)) throw new IllegalArgumentException(where + ": no " + column + " column");
        }
        String split = row.get("split").toLowerCase(Locale.ROOT);
        if (!split.equals("tune") && !split.equals("holdout")) throw new IllegalArgumentException(where + ": split must be tune or holdout, was '" + split + "'");
        List<String> sections = Arrays.stream(row.get("section").split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Pattern keyIdea = null;
        if (!sections.isEmpty()) {
          if (row.get("key_idea").isBlank()) throw new IllegalArgumentException(where + ": an in-library question needs a key_idea");
          try {
            keyIdea = Pattern.compile(row.get("key_idea"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": key_idea is not a regular expression: " + e.getDescription());
          }
        }
        out.add(new LabelledQuestion(row.get("id"), split, row.get("question"), sections, keyIdea));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new IllegalArgumentException("Not a question set CSV: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * How one lesson did.
   *
   * @param answered whether the lesson answered (false: "not in your library")
   * @param sectionCited an explanation paragraph or the key idea cites the expected section
   * @param keyIdea the key idea or explanation matches the question's key-idea expression
   * @param checkQuestions how many check questions the lesson has
   * @param checkQuestionsNear how many of them cite the lesson's own section or its chapter
   * @param teacherOnly student-visible fragments that are teacher-only text
   * @param grade Flesch-Kincaid grade of the key idea and explanation
   * @param unfamiliar share of their words outside the Dale-Chall familiar list, in [0, 1]
   * @param latencyMs the server's time to retrieve and compose, in milliseconds
   * @param similarity the library gate's best passage similarity; NaN when the lesson does not say
   * @param coverage the library gate's term coverage of the chosen section; NaN when not said
   * @param sectionShare the chosen section's share of the retrieval votes; NaN when not said
   * @param salient the library gate's coverage of the question's specific words; NaN when not said
   */
  public record Score(LabelledQuestion question, boolean answered, boolean sectionCited, boolean keyIdea, int checkQuestions, int checkQuestionsNear, List<String> teacherOnly, double grade, double unfamiliar, long latencyMs, String title, String cited, double similarity, double coverage, double sectionShare, double salient) {

    /** Whether the lesson did what the label asks: answered an in-library question, refused another. */
    public boolean correctGate() {
      return answered == question.inLibrary();
    }
  }

  public static Score score(LabelledQuestion q, Lesson lesson) {
    double similarity = lesson.evidence() == null ? Double.NaN : lesson.evidence().topSimilarity();
    double coverage = lesson.evidence() == null ? Double.NaN : lesson.evidence().termCoverage();
    double share = lesson.evidence() == null ? Double.NaN : lesson.evidence().sectionShare();
    double salient = lesson.evidence() == null ? Double.NaN : lesson.evidence().salientCoverage();
    if (!lesson.inLibrary()) return new Score(q, false, false, false, 0, 0, List.of(), 0, 0, lesson.latencyMs(), lesson.title(), lesson.evidence() == null || lesson.evidence().section() == null ? "" : lesson.evidence().section(), similarity, coverage, share, salient);
    StringBuilder text = new StringBuilder();
    List<Lesson.Paragraph> explanation = new ArrayList<>();
    if (lesson.keyIdea() != null) explanation.add(lesson.keyIdea());
    explanation.addAll(lesson.explanation());
    for (Lesson.Paragraph p : explanation) text.append(p.text()).append('\n');
    String explained = text.toString();
    String flat = explained.replaceAll("\\s+", " ");
    boolean key = q.keyIdea() != null && q.keyIdea().matcher(flat).find();
    Set<Integer> citedNumbers = new HashSet<>();
    explanation.forEach(p -> citedNumbers.addAll(p.citations()));
    boolean sectionCited = false;
    for (Lesson.CitedSource c : lesson.citations()) {
      if (citedNumbers.contains(c.number()) && q.sections().stream().anyMatch(s -> c.headingPath().contains(s))) sectionCited = true;
    }
    Lesson.CitedSource main = mainSource(lesson, explanation);
    int near = 0;
    for (Lesson.CheckQuestion cq : lesson.checkQuestions()) {
      if (main != null && cq.citations().stream().map(n -> lesson.citations().get(n - 1)).anyMatch(c -> sameChapter(main, c, q.sections()))) near++;
    }
    return new Score(q, true, sectionCited, key, lesson.checkQuestions().size(), near, teacherOnly(lesson), Readability.fleschKincaidGrade(explained), Readability.unfamiliarShare(explained), lesson.latencyMs(), lesson.title(), main == null ? "" : main.location(), similarity, coverage, share, salient);
  }

  /** The passage the lesson is mostly about: the key idea's, else the first explanation paragraph's. */
  private static Lesson.CitedSource mainSource(Lesson lesson, List<Lesson.Paragraph> explanation) {
    for (Lesson.Paragraph p : explanation) {
      if (!p.citations().isEmpty()) return lesson.citations().get(p.citations().getFirst() - 1);
    }
    return null;
  }

  /**
   * Whether a check question's passage sits in the lesson's own chapter: same source and same
   * heading path down to the chapter, which is the heading above the section (the expected section
   * when the lesson cites it, else the third heading: book &gt; chapter &gt; section).
   */
  static boolean sameChapter(Lesson.CitedSource main, Lesson.CitedSource other, List<String> sections) {
    if (!main.sourceId().equals(other.sourceId())) return false;
    List<String> path = main.headingPath();
    int section = -1;
    for (String s : sections) section = Math.max(section, path.indexOf(s));
    if (section < 0) section = Math.min(2, path.size() - 1);
    int chapterDepth = Math.max(2, section);
    if (other.headingPath().size() < chapterDepth || path.size() < chapterDepth) return false;
    return other.headingPath().subList(0, chapterDepth).equals(path.subList(0, chapterDepth));
  }

  /** Every fragment a student sees that reads as teacher-only text. */
  static List<String> teacherOnly(Lesson lesson) {
    List<String> visible = new ArrayList<>();
    visible.add(lesson.title());
    if (lesson.hook() != null) visible.add(lesson.hook().text());
    if (lesson.keyIdea() != null) visible.add(lesson.keyIdea().text());
    lesson.explanation().forEach(p -> visible.add(p.text()));
    if (lesson.workedExample() != null) {
      visible.add(lesson.workedExample().problem());
      visible.add(lesson.workedExample().solution());
    }
    for (Lesson.CheckQuestion q : lesson.checkQuestions()) {
      visible.add(q.question());
      visible.add(q.answer());
      visible.addAll(q.choices());
    }
    lesson.keyTerms().forEach(t -> visible.add(t.term() + ": " + t.definition()));
    lesson.citations().forEach(c -> visible.add(c.snippet() == null ? "" : c.snippet()));
    return visible.stream().filter(v -> v != null && TEACHER_ONLY.matcher(v).find()).toList();
  }

  /**
   * Totals over a set of scores.
   *
   * @param inLibrary in-library questions
   * @param falseRefusals in-library questions refused
   * @param outOfLibrary out-of-library questions
   * @param falseAnswers out-of-library questions answered
   * @param keyIdea in-library questions whose lesson states the key idea (refusals count as misses)
   * @param sectionCited in-library questions whose lesson cites the expected section
   * @param checkQuestions check questions in all lessons
   * @param checkQuestionsNear of them, from the lesson's own section or chapter
   * @param teacherOnly lessons showing teacher-only text
   * @param withinTwoGrades answered lessons whose explanation's Flesch-Kincaid grade is within 2 of
   *     the requested grade
   * @param answered answered in-library lessons
   * @param medianGrade median Flesch-Kincaid grade of answered lessons
   * @param medianUnfamiliar median share of unfamiliar words of answered lessons
   * @param p50Ms median server latency, every question
   * @param p99Ms 99th-percentile server latency (nearest rank)
   */
  public record Summary(int inLibrary, int falseRefusals, int outOfLibrary, int falseAnswers, int keyIdea, int sectionCited, int checkQuestions, int checkQuestionsNear, int teacherOnly, int withinTwoGrades, int answered, double medianGrade, double medianUnfamiliar, double p50Ms, double p99Ms) {

    static double share(int part, int whole) {
      return whole == 0 ? Double.NaN : part / (double) whole;
    }
  }

  public static Summary summarize(List<Score> scores, int grade) {
    int in = 0, falseRefusals = 0, out = 0, falseAnswers = 0, key = 0, cited = 0, cq = 0, near = 0, teacher = 0, within = 0, answered = 0;
    List<Double> grades = new ArrayList<>();
    List<Double> unfamiliar = new ArrayList<>();
    List<Double> latencies = new ArrayList<>();
    for (Score s : scores) {
      latencies.add((double) s.latencyMs());
      if (!s.teacherOnly().isEmpty()) teacher++;
      if (!s.question().inLibrary()) {
        out++;
        if (s.answered()) falseAnswers++;
        continue;
      }
      in++;
      if (!s.answered()) {
        falseRefusals++;
        continue;
      }
      answered++;
      if (s.keyIdea()) key++;
      if (s.sectionCited()) cited++;
      cq += s.checkQuestions();
      near += s.checkQuestionsNear();
      grades.add(s.grade());
      unfamiliar.add(s.unfamiliar());
      if (Math.abs(s.grade() - grade) <= 2) within++;
    }
    return new Summary(in, falseRefusals, out, falseAnswers, key, cited, cq, near, teacher, within, answered, percentile(grades, 50), percentile(unfamiliar, 50), percentile(latencies, 50), percentile(latencies, 99));
  }

  /** Nearest-rank percentile; NaN for no values. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) return Double.NaN;
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /**
   * Library-gate thresholds chosen on labelled questions: the rule answers when the similarity is at
   * least {@code min} and the coverage of the question's specific words at least {@code salient}, and
   * either the similarity is at least {@code confident} or the term coverage at least
   * {@code coverage} ({@code LibraryGate}).
   *
   * @param falseRefusals in-library questions the rule refuses
   * @param falseAnswers out-of-library questions the rule answers
   */
  public record Gate(double min, double confident, double coverage, double salient, int falseRefusals, int falseAnswers, int inLibrary, int outOfLibrary) {}

  /**
   * How many false refusals one false answer costs when thresholds are chosen: a lesson made up from
   * a library that does not answer the question is worse than an honest "not in your library".
   */
  public static final double FALSE_ANSWER_COST = 1.5;

  /**
   * The gate thresholds with the lowest cost on these scores (false refusals plus
   * {@link #FALSE_ANSWER_COST} per false answer), ties going to the lowest passing value of each
   * threshold. Null without evidence on the lessons.
   */
  public static Gate calibrate(List<Score> scores) {
    List<Score> usable = scores.stream().filter(s -> !Double.isNaN(s.similarity()) && !Double.isNaN(s.coverage()) && !Double.isNaN(s.salient())).toList();
    if (usable.isEmpty()) return null;
    int in = (int) usable.stream().filter(s -> s.question().inLibrary()).count();
    int out = usable.size() - in;
    Gate best = null;
    for (int min = 40; min <= 80; min++) {
      for (int confident = min; confident <= 90; confident++) {
        for (int coverage = 0; coverage <= 10; coverage++) {
          for (int salient = 0; salient <= 10; salient++) {
            double m = min / 100.0, c = confident / 100.0, v = coverage / 10.0, a = salient / 10.0;
            int fr = 0, fa = 0;
            for (Score s : usable) {
              boolean answers = s.similarity() >= m && s.salient() >= a && (s.similarity() >= c || s.coverage() >= v);
              if (s.question().inLibrary() && !answers) fr++;
              if (!s.question().inLibrary() && answers) fa++;
            }
            if (best == null || fr + FALSE_ANSWER_COST * fa < best.falseRefusals() + FALSE_ANSWER_COST * best.falseAnswers()) best = new Gate(m, c, v, a, fr, fa, in, out);
          }
        }
      }
    }
    return best;
  }

  /** The summary as the lines {@code vividly eval lessons} prints, with the bars. */
  public static List<String> lines(String label, Summary s, int grade) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%s (grade %d): %d in-library, %d out-of-library questions", label, grade, s.inLibrary(), s.outOfLibrary()));
    if (s.inLibrary() > 0) {
      out.add(bar("key idea stated", s.keyIdea(), s.inLibrary(), ">= 85%", Summary.share(s.keyIdea(), s.inLibrary()) >= 0.85));
      out.add(bar("expected section cited", s.sectionCited(), s.inLibrary(), ">= 90%", Summary.share(s.sectionCited(), s.inLibrary()) >= 0.90));
      out.add(bar("in-library refused", s.falseRefusals(), s.inLibrary(), "<= 5%", Summary.share(s.falseRefusals(), s.inLibrary()) <= 0.05));
      out.add(bar("check questions from own section/chapter", s.checkQuestionsNear(), s.checkQuestions(), "100%", s.checkQuestionsNear() == s.checkQuestions()));
      out.add(bar("Flesch-Kincaid within 2 grades", s.withinTwoGrades(), s.answered(), ">= 80%", Summary.share(s.withinTwoGrades(), s.answered()) >= 0.80));
      out.add(String.format(Locale.ROOT, "  %-42s %6.1f  (requested %d)", "median Flesch-Kincaid grade", s.medianGrade(), grade));
      out.add(String.format(Locale.ROOT, "  %-42s %5.1f%%", "median words outside Dale-Chall list", 100 * s.medianUnfamiliar()));
    }
    if (s.outOfLibrary() > 0) out.add(bar("out-of-library refused", s.outOfLibrary() - s.falseAnswers(), s.outOfLibrary(), ">= 95%", Summary.share(s.outOfLibrary() - s.falseAnswers(), s.outOfLibrary()) >= 0.95));
    out.add(bar("lessons showing teacher-only text", s.teacherOnly(), s.inLibrary() + s.outOfLibrary(), "0", s.teacherOnly() == 0));
    out.add(String.format(Locale.ROOT, "  %-42s p50 %.0f ms, p99 %.0f ms  (bar: p50 <= 300, p99 <= 1000 for the embedded composer)", "server latency", s.p50Ms(), s.p99Ms()));
    return out;
  }

  private static String bar(String what, int part, int whole, String target, boolean met) {
    return String.format(Locale.ROOT, "  %-42s %4d/%-4d %6.1f%%  bar %-6s %s", what, part, whole, 100 * Summary.share(part, whole), target, met ? "ok" : "MISSED");
  }
}
