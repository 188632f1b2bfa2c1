package org.vividly.quiz.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.quiz.AnswerCommand;
import org.vividly.quiz.ClassMastery;
import org.vividly.quiz.Feedback;
import org.vividly.quiz.QuizAnswer;
import org.vividly.quiz.Quizzes;
import org.vividly.quiz.StudentMastery;
import org.vividly.tenancy.Caller;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Quizzes", description = "Answers to a lesson's check questions, graded on the server, and the sections each student mastered or missed")
class QuizApi {

  private final Quizzes quizzes;

  QuizApi(Quizzes quizzes) {
    this.quizzes = quizzes;
  }

  @PostMapping("/lessons/{id}/answers")
  @Operation(
      summary = "Answer a check question of my lesson",
      description = "Grades the answer from the stored lesson and stores it; answering again replaces the answer and counts the attempt. "
          + "`questionIndex` is 0-based. A multiple-choice answer must be one of the choices; a cloze answer is the missing term (case, "
          + "punctuation and a plural s do not count). An `exercise` is marked by the student: send it without `selfAssessment` to see the "
          + "solution (nothing is stored, `correct` is null), then again with `selfAssessment` `right` or `wrong`. Only the lesson's owner may "
          + "answer: anyone else gets 404.")
  Feedback answer(@PathVariable UUID id, @RequestBody AnswerCommand body, Caller caller) {
    return quizzes.answer(caller, id, body);
  }

  @GetMapping("/me/quiz-history")
  @Operation(summary = "My answers, newest first")
  List<QuizAnswer> history(@RequestParam(defaultValue = "50") int limit, Caller caller) {
    return quizzes.history(caller, limit);
  }

  @GetMapping("/students/{studentId}/mastery")
  @Operation(
      summary = "A student's sections: mastered, learning or missed",
      description = "From the student's latest answer to each question, per section (the heading path of the question's citation): mastered with at "
          + "least 2 answers and 80% right, missed under 50% right, else learning. Students read their own, teachers their classes' students, admins anyone.")
  StudentMastery student(@PathVariable UUID studentId, Caller caller) {
    return quizzes.student(caller, studentId);
  }

  @GetMapping("/classes/{id}/mastery")
  @Operation(summary = "Every student of a class with their sections mastered, learning or missed", description = "For the class's teacher and the organization's admins.")
  ClassMastery schoolClass(@PathVariable UUID id, Caller caller) {
    return quizzes.schoolClass(caller, id);
  }
}
