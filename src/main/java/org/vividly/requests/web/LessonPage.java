package org.vividly.requests.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.UUID;
import org.vividly.common.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.common.VividlyException;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Lessons;
import org.vividly.quiz.AnswerCommand;
import org.vividly.quiz.Feedback;
import org.vividly.quiz.Quizzes;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Visibility;

/**
 * A lesson and its check questions. Answers go to {@link Quizzes} like the API's: htmx swaps the
 * feedback into the question's block; without script the form posts as usual and the page comes
 * back with the feedback (after a redirect, once the answer is stored).
 */
@PageController
class LessonPage {

  private final Lessons lessons;
  private final Quizzes quizzes;
    private final LessonModel lessonModel;

  LessonPage(Lessons lessons, Quizzes quizzes, LessonModel lessonModel) {
    this.lessons = lessons;
    this.quizzes = quizzes;
    this.lessonModel = lessonModel;
  }

  @GetMapping("/lessons/{id}")
  String lesson(@PathVariable UUID id, Model model, Caller caller, Visibility visibility) {
    lessonModel.add(model, caller, lessons.get(visibility, id));
    return "lesson";
  }

  @PostMapping("/lessons/{id}/answers")
  String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String questionIndex, @RequestParam(defaultValue = "") String answer, @RequestParam(required = false) String selfAssessment,
      Model model, HttpServletRequest request, HttpServletResponse response, Caller caller) {
    Integer index = null;
    Feedback feedback = null;
    try {
      index = index(questionIndex);
      feedback = quizzes.answer(caller, id, new AnswerCommand(index, answer, selfAssessment));
    } catch (NotFound e) {
      throw e;
    } catch (VividlyException e) {
      response.setStatus(e.status().value());
      model.addAttribute("quizError", e.getMessage());
    }
    Lesson lesson = lessons.get(new Visibility(caller.organization(), caller.userId(), Set.of(caller.userId())), id);
    if (request.getHeader("HX-Request") != null) {
      model.addAttribute("l", lesson);
      model.addAttribute("fb", feedback);
      model.addAttribute("index", index);
      model.addAttribute("answerable", true);
      return "quiz :: feedback";
    }
    if (feedback != null && feedback.recorded()) return "redirect:/lessons/" + id + "#question-" + index;
    lessonModel.add(model, caller, lesson, feedback);
    model.addAttribute("quizErrorIndex", index);
    return "lesson";
  }

  private static Integer index(String value) {
    if (value.isBlank()) return null;
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequest("questionIndex must be a number");
    }
  }
}
