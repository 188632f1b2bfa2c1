package org.vividly.lessons.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vividly.lessons.Lesson.CheckQuestion;
import org.vividly.lessons.LessonComposer.Example;
import org.vividly.lessons.LessonComposer.Question;
import org.vividly.lessons.LessonComposer.Term;
import org.vividly.lessons.Readability;
import org.vividly.retrieval.SearchHit;

/**
 * The worked example, key terms and check questions of a lesson, all from the lesson's own section:
 * first the source's own exercises that have solutions (its multiple-choice ones keep their
 * options), then a multiple-choice question on a glossary term with the section's other terms as
 * distractors, then a fill-in-the-blank sentence of the lesson. Nothing comes from another section,
 * so a lesson on refraction never quizzes on conduction.
 */
final class QuizBuilder {

  private static final int QUESTIONS = 3;
  private static final Pattern OPTION = Pattern.compile("\\s*•\\s*");
  private static final Pattern LETTER = Pattern.compile("(?i)^\\(?([a-h])[).]?(\\s|$)");

  private final List<SearchHit> section;
  private final Map<String, Definition> glossary = new LinkedHashMap<>();

  private record Definition(String term, String meaning, SearchHit hit) {}

  QuizBuilder(List<SearchHit> section) {
    this.section = section;
    for (SearchHit hit : section) {
      if (!hit.kind().equals("definition")) continue;
      String[] parts = hit.text().split(":", 2);
      if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank() || LessonText.teacherOnly(hit.text())) continue;
      String term = parts[0].strip();
      glossary.putIfAbsent(term.toLowerCase(Locale.ROOT), new Definition(term, parts[1].strip(), hit));
    }
  }

  /** The section's first worked example that has a solution and nothing for teachers in it. */
  Example example() {
    for (SearchHit hit : section) {
      if (!hit.kind().equals("example") || LessonText.teacherOnly(hit.text())) continue;
      String[] parts = hit.text().split("\\nSolution: ", 2);
      if (parts.length < 2) continue;
      String problem = parts[0].replaceFirst("^[^\\n]*:\\n", "").strip();
      if (problem.isEmpty()) continue;
      return new Example(problem, parts[1].replace("\nDiscussion: ", "\n\n").strip(), List.of(hit.citation().passageId()));
    }
    return null;
  }

  /**
   * The glossary's definition of the term a "what is" question asks about, as a sentence ("Ligand
   * means an ion or molecule..."); null when the section's glossary has no term all of whose words
   * are in the question.
   */
  org.vividly.lessons.LessonComposer.CitedText definitionOf(java.util.Set<String> questionTerms) {
    Definition best = null;
    int bestSize = 0;
    for (Definition d : glossary.values()) {
      java.util.Set<String> termTerms = Terms.of(d.term().replaceAll("\\([^)]*\\)", " "));
      if (termTerms.isEmpty() || !questionTerms.containsAll(termTerms) || termTerms.size() <= bestSize) continue;
      best = d;
      bestSize = termTerms.size();
    }
    if (best == null) return null;
    String meaning = best.meaning().strip().replaceAll("[.;]+$", "");
    if (meaning.isEmpty() || LessonText.teacherOnly(meaning)) return null;
    String verb = meaning.matches("(?i)^(a|an|the|any|one|two|each|every|process|property|measure|amount|quantity|unit|force|energy|type|kind|form|ratio|rate|change|sum|product|number|point|region|state|substance|compound|molecule|ion|atom|particle|law|principle|theory)\\b.*") ? " is " : " means ";
    return new org.vividly.lessons.LessonComposer.CitedText(LessonText.capitalize(best.term()) + verb + meaning + ".", List.of(best.hit().citation().passageId()));
  }

  /** The section's glossary terms that the lesson's text uses, in the glossary's order, at most six. */
  List<Term> terms(String text) {
    List<Term> out = new ArrayList<>();
    for (Definition d : glossary.values()) {
      if (out.size() == 6) break;
      if (mentions(text, d.term())) out.add(new Term(d.term(), d.meaning(), d.hit().citation().passageId()));
    }
    return out;
  }

  static boolean mentions(String text, String term) {
    return Pattern.compile("(?i)\\b" + Pattern.quote(term) + "(s|es)?\\b").matcher(text).find();
  }

  /**
   * Up to three check questions from the section: its exercises with solutions first, then one
   * multiple-choice question on a glossary term the lesson uses, then a fill-in-the-blank from the
   * lesson's own sentences.
   */
  List<Question> questions(List<ExtractiveComposer.Sentence> lesson) {
    StringBuilder text = new StringBuilder();
    lesson.forEach(s -> text.append(s.readable).append(' '));
    List<Question> out = exercisesAndChoice(text.toString());
    for (ExtractiveComposer.Sentence s : lesson) {
      if (out.size() >= QUESTIONS) break;
      Question cloze = cloze(s, out);
      if (cloze != null) out.add(cloze);
    }
    return out;
  }

  /**
   * The section's exercises with solutions, then a multiple-choice question on a glossary term the
   * given lesson text uses: for a lesson written by someone else (a language model).
   */
  List<Question> exercisesAndChoice(String lessonText) {
    List<Question> out = new ArrayList<>();
    for (SearchHit hit : section) {
      if (out.size() == 2) break;
      if (!hit.kind().equals("exercise") || LessonText.teacherOnly(hit.text())) continue;
      Question q = exercise(hit);
      if (q != null) out.add(q);
    }
    Question mc = multipleChoice(lessonText);
    if (mc != null && out.size() < QUESTIONS) out.add(mc);
    return out;
  }

  /** An exercise with its solution; a multiple-choice one ("... • option • option") keeps its options. */
  private Question exercise(SearchHit hit) {
    String[] parts = hit.text().split("\\nSolution: ", 2);
    if (parts.length < 2) return null;
    String problem = parts[0].strip();
    String solution = parts[1].split("\\nDiscussion: ", 2)[0].strip();
    if (solution.length() < 2 || !usableProblem(problem)) return null;
    String[] options = OPTION.split(problem.replace('\n', ' '));
    if (options.length >= 3) {
      String stem = options[0].strip();
      List<String> choices = new ArrayList<>();
      for (int i = 1; i < options.length; i++) if (!options[i].isBlank()) choices.add(options[i].strip());
      String answer = answerChoice(solution, choices);
      if (answer != null && !stem.isEmpty()) return new Question(stem, answer, List.of(hit.citation().passageId()), CheckQuestion.MULTIPLE_CHOICE, choices);
      return null;
    }
    return new Question(problem, solution, List.of(hit.citation().passageId()));
  }

  private boolean usableProblem(String problem) {
    String p = problem.toLowerCase(Locale.ROOT);
    if (p.contains("figure") || p.contains("graph shown") || p.contains("shown below") || p.contains("table") || p.contains("simulation") || p.contains("[")) return false;
    return Readability.words(problem).size() >= 4;
  }

  /** The option a solution names: "(b)", "b.", or the option's own words. */
  private static String answerChoice(String solution, List<String> choices) {
    Matcher letter = LETTER.matcher(solution.strip());
    if (letter.find()) {
      int i = letter.group(1).toLowerCase(Locale.ROOT).charAt(0) - 'a';
      if (i < choices.size()) return choices.get(i);
    }
    for (String c : choices) if (solution.strip().startsWith(c) || c.equalsIgnoreCase(solution.strip().replaceAll("\\.$", ""))) return c;
    return null;
  }

  /** "Which term means ...?" for a glossary term the lesson uses, the section's other terms as distractors. */
  private Question multipleChoice(String lessonText) {
    List<Definition> used = glossary.values().stream().filter(d -> mentions(lessonText, d.term())).toList();
    if (used.isEmpty() || glossary.size() < 4) return null;
    Definition answer = used.getFirst();
    if (answer.meaning().toLowerCase(Locale.ROOT).contains(answer.term().toLowerCase(Locale.ROOT))) return null;
    List<String> choices = new ArrayList<>();
    for (Definition d : glossary.values()) {
      if (choices.size() == 3) break;
      if (d != answer && !d.term().equalsIgnoreCase(answer.term())) choices.add(d.term());
    }
    int at = Math.floorMod(answer.term().hashCode(), choices.size() + 1);
    choices.add(at, answer.term());
    String meaning = answer.meaning().replaceAll("\\.$", "");
    return new Question("Which term means \u201c" + meaning + "\u201d?", answer.term(), List.of(answer.hit().citation().passageId()), CheckQuestion.MULTIPLE_CHOICE, choices);
  }

  /** A lesson sentence with one of the section's glossary terms blanked out. */
  private Question cloze(ExtractiveComposer.Sentence s, List<Question> asked) {
    for (Definition d : glossary.values()) {
      if (asked.stream().anyMatch(q -> q.answer().equalsIgnoreCase(d.term()))) continue;
      Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(d.term()) + "\\b").matcher(s.readable);
      if (!m.find() || m.start() == 0 && s.readable.length() - d.term().length() < 20) continue;
      String blanked = s.readable.substring(0, m.start()) + "_____" + s.readable.substring(m.end());
      return new Question("Fill in the blank: " + blanked, d.term(), List.of(s.passage.citation().passageId()), CheckQuestion.CLOZE, List.of());
    }
    return null;
  }
}
