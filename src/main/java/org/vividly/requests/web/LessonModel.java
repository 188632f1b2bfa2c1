package org.vividly.requests.web;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.vividly.lessons.Lesson;
import org.vividly.quiz.Feedback;
import org.vividly.quiz.Quizzes;
import org.vividly.tenancy.Caller;

/**
 * What the lesson fragment needs besides the lesson: its key terms for marking, whether the viewer
 * may answer its questions (only its owner), and their earlier answers with feedback.
 */
@Component
class LessonModel {

  private final Quizzes quizzes;

  LessonModel(Quizzes quizzes) {
    this.quizzes = quizzes;
  }

  void add(Model model, Caller caller, Lesson lesson) {
    add(model, caller, lesson, null);
  }

  /** @param fresh feedback to show for one question in place of its stored answer, or null */
  void add(Model model, Caller caller, Lesson lesson, Feedback fresh) {
    model.addAttribute("lesson", lesson);
    model.addAttribute("terms", new KeyTermText(lesson.keyTerms()));
    boolean answerable = quizzes.answerable(caller, lesson.id());
    model.addAttribute("answerable", answerable);
    Map<Integer, Feedback> answers = answerable ? new java.util.HashMap<>(quizzes.answers(caller, lesson)) : new java.util.HashMap<>();
    if (fresh != null) answers.put(fresh.questionIndex(), fresh);
    model.addAttribute("answers", answers);
  }
}
