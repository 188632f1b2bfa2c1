package org.vividly.lessons;

import java.util.List;
import java.util.stream.Collectors;

/** Renders a lesson as Markdown, with its citations as bracketed numbers and a source list. */
public final class LessonMarkdown {

  private LessonMarkdown() {}

  public static String render(Lesson lesson) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(lesson.title()).append("\n\n");
    md.append("*").append(lesson.question()).append("*  \n");
    md.append("Grade ").append(lesson.grade());
    if (!lesson.interests().isEmpty()) md.append(" · interests: ").append(String.join(", ", lesson.interests()));
    md.append("\n\n");
    if (!lesson.inLibrary()) {
      md.append(lesson.message()).append("\n\n");
      if (!lesson.closestSections().isEmpty()) {
        md.append("## Closest sections\n\n");
        for (Lesson.CitedSource c : lesson.closestSections()) {
          md.append(String.format("- %s (passage %d, similarity %.2f)%n", c.location(), c.passageId(), c.similarity()));
        }
      }
      return md.toString();
    }
    if (lesson.hook() != null) md.append(lesson.hook().text()).append(refs(lesson.hook().citations())).append("\n\n");
    if (lesson.keyIdea() != null) md.append("**Key idea.** ").append(lesson.keyIdea().text()).append(refs(lesson.keyIdea().citations())).append("\n\n");
    md.append("## Explanation\n\n");
    for (Lesson.Paragraph p : lesson.explanation()) md.append(p.text()).append(refs(p.citations())).append("\n\n");
    if (!lesson.keyTerms().isEmpty()) {
      md.append("## Key terms\n\n");
      for (Lesson.KeyTerm t : lesson.keyTerms()) md.append("- **").append(t.term()).append("**: ").append(t.definition()).append(refs(t.citations())).append("\n");
      md.append("\n");
    }
    if (lesson.workedExample() != null) {
      Lesson.WorkedExample e = lesson.workedExample();
      md.append("## Worked example\n\n**Problem.** ").append(e.problem()).append("\n\n**Solution.** ").append(e.solution()).append(refs(e.citations())).append("\n\n");
    }
    if (!lesson.checkQuestions().isEmpty()) {
      md.append("## Check your understanding\n\n");
      int n = 1;
      for (Lesson.CheckQuestion q : lesson.checkQuestions()) {
        md.append(n++).append(". ").append(q.question().replace("\n", "\n   ")).append(refs(q.citations())).append("\n   *Answer:* ").append(q.answer().replace("\n", "\n   ")).append("\n");
      }
      md.append('\n');
    }
    md.append("## Sources\n\n");
    for (Lesson.CitedSource c : lesson.citations()) {
      md.append("[").append(c.number()).append("] ").append(c.location()).append(" (passage ").append(c.passageId()).append(")\n");
    }
    return md.toString();
  }

  private static String refs(List<Integer> citations) {
    return citations.isEmpty() ? "" : " " + citations.stream().map(n -> "[" + n + "]").collect(Collectors.joining());
  }
}
