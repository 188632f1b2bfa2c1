package org.vividly.requests.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vividly.lessons.Lesson;
import org.vividly.media.MediaFailed;
import org.vividly.media.Narration.Part;
import org.vividly.media.Slide;

/**
 * The narration of a lesson, slide by slide: a title slide with the hook, one slide per key idea,
 * the worked example and one check question. Every spoken sentence comes from the lesson, so the
 * narration is as grounded as the text. {@link org.vividly.media.Narration} turns it into audio,
 * captions, slides and video. The script stops adding sentences at about
 * {@value #WORD_BUDGET} words, which the Festival voice speaks in 60-90 seconds.
 */
record NarrationScript(String language, List<Part> parts) {

  static final int WORD_BUDGET = 170;

  private record Labels(String lesson, String keyIdea, String example, String solution, String check, String answer, String exampleIntro, String checkIntro, String think, String intro) {}

  private static final Map<String, Labels> LABELS = Map.of(
      "en", new Labels("Lesson", "Key idea", "Worked example", "Solution", "Check your understanding", "Answer", "Here is a worked example.", "Check your understanding.", "Take a moment to think about it.", "Let's find out: %s"),
      "es", new Labels("Lección", "Idea clave", "Ejemplo resuelto", "Solución", "Comprueba lo que sabes", "Respuesta", "Veamos un ejemplo resuelto.", "Comprueba lo que sabes.", "Tómate un momento para pensarlo.", "Veamos: %s"));

  static NarrationScript of(Lesson lesson, String language) {
    List<Lesson.Paragraph> explained = new ArrayList<>();
    if (lesson.keyIdea() != null) explained.add(lesson.keyIdea());
    explained.addAll(lesson.explanation());
    if (!lesson.inLibrary() || explained.isEmpty()) {
      throw new MediaFailed("There is nothing to narrate: the question is not answered in your library.", false);
    }
    Labels l = LABELS.getOrDefault(language, LABELS.get("en"));
    Locale locale = Locale.forLanguageTag(language);
    List<Part> parts = new ArrayList<>();
    int[] words = {0};
    // The embedded composer writes its hooks from English templates; other languages open with the question.
    List<String> hook = lesson.hook() == null || !"en".equals(language) ? List.of(l.intro().formatted(lesson.question())) : sentences(lesson.hook().text(), locale);
    parts.add(new Part(new Slide(Slide.Kind.TITLE, lesson.title(), lesson.question(), List.of(), null, footer(lesson, lesson.hook() == null ? List.of() : lesson.hook().citations()), l.lesson()), take(hook, words, 2)));
    // The key idea first, then the explanation's steps.
    for (Lesson.Paragraph p : explained.stream().limit(3).toList()) {
      if (words[0] >= WORD_BUDGET && parts.size() > 1) break;
      List<String> spoken = take(sentences(p.text(), locale), words, 3);
      if (spoken.isEmpty()) continue;
      String formula = spoken.stream().filter(s -> s.contains("=")).findFirst().orElse(null);
      List<String> points = spoken.stream().filter(s -> !s.equals(formula)).toList();
      parts.add(new Part(new Slide(Slide.Kind.POINTS, heading(lesson, p.citations()), null, points, formula, footer(lesson, p.citations()), l.keyIdea()), spoken));
    }
    if (lesson.workedExample() != null && words[0] < WORD_BUDGET - 30) {
      Lesson.WorkedExample ex = lesson.workedExample();
      List<String> problem = sentences(ex.problem(), locale).stream().limit(2).toList();
      List<String> solution = sentences(ex.solution(), locale).stream().limit(2).toList();
      List<String> spoken = new ArrayList<>();
      spoken.add(l.exampleIntro());
      spoken.addAll(problem);
      spoken.add(l.solution() + ".");
      spoken.addAll(solution);
      words[0] += count(spoken);
      String formula = solution.stream().filter(s -> s.contains("=")).findFirst().orElse(null);
      parts.add(new Part(new Slide(Slide.Kind.EXAMPLE, l.example(), null, problem, formula, footer(lesson, ex.citations()), l.example()), spoken));
    }
    if (!lesson.checkQuestions().isEmpty() && words[0] < WORD_BUDGET) {
      Lesson.CheckQuestion q = lesson.checkQuestions().getFirst();
      List<String> spoken = List.of(l.checkIntro(), q.question(), l.think(), l.answer() + ": " + q.answer());
      parts.add(new Part(new Slide(Slide.Kind.QUESTION, q.question(), null, List.of(l.answer() + ": " + q.answer()), null, footer(lesson, q.citations()), l.check()), spoken));
    }
    return new NarrationScript(language, parts);
  }

  /** Every sentence, in order. */
  List<String> sentences() {
    return parts.stream().flatMap(p -> p.sentences().stream()).toList();
  }

  /**
   * The same script with its words translated: headings, subheadings, points and spoken sentences
   * go through {@code translate} in one batch; formulas and citations stay as written.
   */
  NarrationScript translated(String toLanguage, UnaryOperator<List<String>> translate) {
    List<String> texts = new ArrayList<>();
    for (Part p : parts) {
      texts.add(p.slide().heading());
      texts.add(p.slide().subheading() == null ? "" : p.slide().subheading());
      texts.addAll(p.slide().points());
      texts.addAll(p.sentences());
    }
    List<String> nonBlank = texts.stream().filter(t -> !t.isBlank()).toList();
    List<String> out = translate.apply(nonBlank);
    var it = out.iterator();
    Labels l = LABELS.getOrDefault(toLanguage, LABELS.get("en"));
    List<Part> translated = new ArrayList<>();
    for (Part p : parts) {
      Slide s = p.slide();
      String heading = it.next();
      String sub = s.subheading() == null || s.subheading().isBlank() ? s.subheading() : it.next();
      List<String> points = s.points().stream().map(x -> x.isBlank() ? x : it.next()).toList();
      List<String> spoken = p.sentences().stream().map(x -> x.isBlank() ? x : it.next()).toList();
      String label = switch (s.kind()) {
        case TITLE -> l.lesson();
        case POINTS -> l.keyIdea();
        case EXAMPLE -> l.example();
        case QUESTION -> l.check();
      };
      translated.add(new Part(new Slide(s.kind(), heading, sub, points, s.formula(), s.footer(), label), spoken));
    }
    return new NarrationScript(toLanguage, translated);
  }

  private static List<String> take(List<String> sentences, int[] words, int max) {
    List<String> out = new ArrayList<>();
    for (String s : sentences) {
      if (out.size() == max || (words[0] >= WORD_BUDGET && !out.isEmpty())) break;
      out.add(s);
      words[0] += count(List.of(s));
    }
    return out;
  }

  private static int count(List<String> sentences) {
    return sentences.stream().mapToInt(s -> s.split("\\s+").length).sum();
  }

  private static String heading(Lesson lesson, List<Integer> citations) {
    Lesson.CitedSource c = cited(lesson, citations);
    if (c == null || c.headingPath().isEmpty()) return lesson.title();
    return c.headingPath().getLast();
  }

  private static String footer(Lesson lesson, List<Integer> citations) {
    Lesson.CitedSource c = cited(lesson, citations);
    if (c == null) return null;
    List<String> path = c.headingPath().stream().filter(h -> !h.equals(c.sourceTitle())).toList();
    return "[" + c.number() + "] " + c.sourceTitle() + (path.isEmpty() ? "" : " > " + String.join(" > ", path.subList(Math.max(0, path.size() - 2), path.size())));
  }

  private static Lesson.CitedSource cited(Lesson lesson, List<Integer> citations) {
    if (citations == null || citations.isEmpty()) return null;
    int n = citations.getFirst();
    return lesson.citations().stream().filter(c -> c.number() == n).findFirst().orElse(null);
  }

  static List<String> sentences(String text, Locale locale) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\n+")) {
      BreakIterator it = BreakIterator.getSentenceInstance(locale);
      it.setText(line);
      for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
        String s = line.substring(start, end).strip();
        if (!s.isEmpty() && s.codePoints().anyMatch(Character::isLetterOrDigit)) out.add(s);
      }
    }
    return out;
  }
}
