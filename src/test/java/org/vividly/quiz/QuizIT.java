package org.vividly.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.internal.LessonStore;
import org.vividly.sources.Passage;
import org.vividly.sources.Sources;
import org.vividly.support.IntegrationTest;
import org.vividly.support.QuizLessons;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;
import tools.jackson.databind.JsonNode;

/**
 * Quizzes over the API against the real database: answers graded on the server from the stored
 * lesson, feedback with the cited passage, exercises marked by the student, mastery per student
 * and class, and who may answer and read what (everyone else: 404).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuizIT extends IntegrationTest {

  static final String OTHER = "quiz-it-elsewhere";

  @Autowired LessonStore lessons;
  @Autowired Sources sources;
  @Autowired Schools schools;

  Passage passage;
  Caller student;
  Caller classmate;
  Caller teacher;
  Caller otherTeacher;
  SchoolClass optics;

  @Override
  protected String organization() {
    return "quiz-it";
  }

  @BeforeAll
  void fixtures() {
    assertThat(ingest("light.md", QuizLessons.NOTES.getBytes(StandardCharsets.UTF_8)).path("status").asString()).isEqualTo("succeeded");
    Caller admin = member(organization(), Role.ORG_ADMIN, "admin");
    var source = sources.list(admin.organization()).getFirst();
    passage = sources.sectionPassages(admin.organization(), sources.get(admin.organization(), source.id()).sections().getFirst().id()).getFirst();
    student = member(organization(), Role.STUDENT, "student");
    classmate = member(organization(), Role.STUDENT, "classmate");
    teacher = member(organization(), Role.TEACHER, "teacher");
    otherTeacher = member(organization(), Role.TEACHER, "other-teacher");
    var school = schools.createSchool(student.organization(), "Quiz High");
    optics = schools.createClass(student.organization(), school.id(), teacher.userId(), "Optics", "Physics", 9, List.of("light"));
    schools.enroll(student.organization(), optics.id(), student.userId());
    schools.enroll(student.organization(), optics.id(), classmate.userId());
    schools.createClass(student.organization(), school.id(), otherTeacher.userId(), "Chemistry", "Chemistry", 9, List.of());
  }

  /** A lesson of {@code owner}'s, its questions counting towards {@code section}. */
  Lesson lessonOf(Caller owner, String section) {
    Lesson lesson = QuizLessons.refraction(passage, section);
    lessons.save(owner.organization(), owner.userId(), lesson);
    return lesson;
  }

  HttpResponse<String> answer(Caller who, Lesson lesson, Object index, String answer, String selfAssessment) {
    Map<String, Object> body = new HashMap<>();
    body.put("questionIndex", index);
    body.put("answer", answer);
    if (selfAssessment != null) body.put("selfAssessment", selfAssessment);
    return call("POST", "/api/v1/lessons/" + lesson.id() + "/answers", body, bearer(who));
  }

  String bearer(Caller who) {
    return "Bearer " + signIn(who);
  }

  JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  @Test
  void aStudentsAnswerIsGradedOnTheServerWithFeedbackAndTheCitedPassage() {
    Lesson lesson = lessonOf(student, "Grading");
    // A client's own verdict is ignored: the stored lesson decides.
    Map<String, Object> cheating = Map.of("questionIndex", QuizLessons.MULTIPLE_CHOICE, "answer", "reflection", "correct", true);
    JsonNode wrong = ok(call("POST", "/api/v1/lessons/" + lesson.id() + "/answers", cheating, bearer(student)));
    assertThat(wrong.path("correct").asBoolean()).isFalse();
    assertThat(wrong.path("recorded").asBoolean()).isTrue();
    assertThat(wrong.path("expectedAnswer").asString()).isEqualTo("refraction");
    assertThat(wrong.path("message").asString()).contains("The answer is \u201crefraction\u201d");
    assertThat(wrong.path("passage").path("number").asInt()).isEqualTo(1);
    assertThat(wrong.path("passage").path("passageId").asLong()).isEqualTo(passage.id());
    assertThat(wrong.path("passage").path("location").asString()).isEqualTo("Light > Grading");
    assertThat(wrong.path("passage").path("text").asString()).contains("A straw in a glass of water looks broken");
    assertThat(wrong.path("section").asString()).isEqualTo("Light > Grading");

    JsonNode right = ok(answer(student, lesson, QuizLessons.MULTIPLE_CHOICE, "Refraction", null));
    assertThat(right.path("correct").asBoolean()).isTrue();
    assertThat(right.path("answer").asString()).as("stored as the choice's own text").isEqualTo("refraction");
    assertThat(ok(answer(student, lesson, QuizLessons.CLOZE, "Dispersion.", null)).path("correct").asBoolean()).isTrue();
    assertThat(ok(answer(student, lesson, QuizLessons.CLOZE, "prism", null)).path("correct").asBoolean()).isFalse();

    JsonNode history = ok(call("GET", "/api/v1/me/quiz-history", null, bearer(student)));
    var mine = history.valueStream().filter(a -> a.path("lessonId").asString().equals(lesson.id().toString())).toList();
    assertThat(mine).hasSize(2).allMatch(a -> a.path("attempts").asInt() == 2);
    JsonNode choice = mine.stream().filter(a -> a.path("questionIndex").asInt() == QuizLessons.MULTIPLE_CHOICE).findFirst().orElseThrow();
    assertThat(choice.path("correct").asBoolean()).as("answering again replaces the answer").isTrue();
    assertThat(choice.path("kind").asString()).isEqualTo("multiple-choice");
    assertThat(choice.path("section").asString()).isEqualTo("Light > Grading");
  }

  @Test
  void anExerciseShowsTheSolutionFirstThenStoresTheStudentsOwnMark() {
    Lesson lesson = lessonOf(student, "Exercises");
    JsonNode shown = ok(answer(student, lesson, QuizLessons.EXERCISE, "Because light bends at the water's surface", null));
    assertThat(shown.path("correct").isNull()).isTrue();
    assertThat(shown.path("recorded").asBoolean()).isFalse();
    assertThat(shown.path("expectedAnswer").asString()).contains("Light from the straw bends");
    assertThat(ok(call("GET", "/api/v1/me/quiz-history", null, bearer(student))).valueStream().noneMatch(a -> a.path("lessonId").asString().equals(lesson.id().toString()))).isTrue();

    JsonNode marked = ok(answer(student, lesson, QuizLessons.EXERCISE, "Because light bends at the water's surface", "right"));
    assertThat(marked.path("correct").asBoolean()).isTrue();
    assertThat(marked.path("selfAssessed").asBoolean()).isTrue();
    assertThat(marked.path("recorded").asBoolean()).isTrue();
    JsonNode stored = ok(call("GET", "/api/v1/me/quiz-history", null, bearer(student))).valueStream().filter(a -> a.path("lessonId").asString().equals(lesson.id().toString())).findFirst().orElseThrow();
    assertThat(stored.path("selfAssessed").asBoolean()).isTrue();
    assertThat(stored.path("answer").asString()).isEqualTo("Because light bends at the water's surface");
  }

  @Test
  void teachersSeeWhichSectionsEachStudentOfTheirClassMasteredOrMissed() {
    Lesson mine = lessonOf(student, "Mastery");
    ok(answer(student, mine, QuizLessons.MULTIPLE_CHOICE, "refraction", null));
    ok(answer(student, mine, QuizLessons.CLOZE, "dispersions", null));
    Lesson theirs = lessonOf(classmate, "Mastery");
    ok(answer(classmate, theirs, QuizLessons.MULTIPLE_CHOICE, "diffraction", null));
    ok(answer(classmate, theirs, QuizLessons.EXERCISE, "No idea", "wrong"));

    JsonNode own = ok(call("GET", "/api/v1/students/" + student.userId() + "/mastery", null, bearer(student)));
    JsonNode section = own.path("sections").valueStream().filter(s -> s.path("section").asString().equals("Light > Mastery")).findFirst().orElseThrow();
    assertThat(section.path("answered").asInt()).isEqualTo(2);
    assertThat(section.path("correct").asInt()).isEqualTo(2);
    assertThat(section.path("status").asString()).isEqualTo("mastered");

    JsonNode optics = ok(call("GET", "/api/v1/classes/" + this.optics.id() + "/mastery", null, bearer(teacher)));
    assertThat(optics.path("className").asString()).isEqualTo("Optics");
    assertThat(optics.path("students").valueStream().map(s -> s.path("displayName").asString()).toList()).containsExactlyInAnyOrder("student", "classmate");
    assertThat(statusIn(optics, classmate, "Light > Mastery")).isEqualTo("missed");
    assertThat(statusIn(optics, student, "Light > Mastery")).isEqualTo("mastered");
    assertThat(ok(call("GET", "/api/v1/classes/" + this.optics.id() + "/mastery", null, auth())).path("students").size()).as("an admin sees every class").isEqualTo(2);
    assertThat(ok(call("GET", "/api/v1/students/" + classmate.userId() + "/mastery", null, bearer(teacher))).path("displayName").asString()).isEqualTo("classmate");
  }

  static String statusIn(JsonNode classMastery, Caller who, String section) {
    JsonNode student = classMastery.path("students").valueStream().filter(s -> s.path("studentId").asString().equals(who.userId().toString())).findFirst().orElseThrow();
    return student.path("sections").valueStream().filter(s -> s.path("section").asString().equals(section)).findFirst().orElseThrow().path("status").asString();
  }

  @Test
  void onlyTheOwnerAnswersAndNobodyElseReadsWhatIsNotTheirs() {
    Lesson lesson = lessonOf(student, "Tenancy");
    ok(answer(student, lesson, QuizLessons.MULTIPLE_CHOICE, "refraction", null));
    Caller outsider = member(OTHER, Role.STUDENT, "outsider");
    Caller outsideTeacher = member(OTHER, Role.TEACHER, "outside-teacher");
    for (Caller intruder : List.of(classmate, teacher, outsider, outsideTeacher, member(OTHER, Role.ORG_ADMIN, "admin"))) {
      assertNotFound(answer(intruder, lesson, QuizLessons.MULTIPLE_CHOICE, "reflection", null), intruder + " answering");
    }
    assertNotFound(answer(member(organization(), Role.ORG_ADMIN, "admin"), lesson, QuizLessons.MULTIPLE_CHOICE, "reflection", null), "even an admin answers only their own lessons");
    for (Caller reader : List.of(classmate, otherTeacher, outsider, outsideTeacher)) {
      assertNotFound(call("GET", "/api/v1/students/" + student.userId() + "/mastery", null, bearer(reader)), reader + " reading the student's mastery");
    }
    assertNotFound(call("GET", "/api/v1/students/" + student.userId() + "/mastery", null, auth(OTHER)), "another organization's admin");
    assertNotFound(call("GET", "/api/v1/classes/" + optics.id() + "/mastery", null, bearer(otherTeacher)), "a teacher of another class");
    assertNotFound(call("GET", "/api/v1/classes/" + optics.id() + "/mastery", null, bearer(outsideTeacher)), "another organization's teacher");
    assertNotFound(call("GET", "/api/v1/classes/" + optics.id() + "/mastery", null, auth(OTHER)), "another organization's admin");
    assertThat(call("GET", "/api/v1/classes/" + optics.id() + "/mastery", null, bearer(classmate)).statusCode()).as("students read no class's mastery").isEqualTo(403);
    assertThat(ok(call("GET", "/api/v1/me/quiz-history", null, bearer(outsider))).size()).isZero();
    assertThat(ok(call("GET", "/api/v1/me/quiz-history", null, bearer(classmate))).valueStream().noneMatch(a -> a.path("lessonId").asString().equals(lesson.id().toString()))).isTrue();
    // Nothing the intruders sent changed the student's answer.
    JsonNode stored = ok(call("GET", "/api/v1/me/quiz-history", null, bearer(student))).valueStream().filter(a -> a.path("lessonId").asString().equals(lesson.id().toString())).findFirst().orElseThrow();
    assertThat(stored.path("correct").asBoolean()).isTrue();
    assertThat(stored.path("attempts").asInt()).isEqualTo(1);
  }

  void assertNotFound(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
  }

  @Test
  void badAnswersAre400ProblemDetailsThatSayWhy() {
    Lesson lesson = lessonOf(student, "Bad input");
    assertBadRequest(answer(student, lesson, 7, "refraction", null), "questionIndex must be 0 to 2");
    assertBadRequest(answer(student, lesson, -1, "refraction", null), "questionIndex");
    assertBadRequest(answer(student, lesson, null, "refraction", null), "questionIndex is required");
    assertBadRequest(answer(student, lesson, QuizLessons.CLOZE, "   ", null), "must not be empty");
    assertBadRequest(answer(student, lesson, QuizLessons.MULTIPLE_CHOICE, "photosynthesis", null), "one of the choices");
    assertBadRequest(answer(student, lesson, QuizLessons.MULTIPLE_CHOICE, "refraction", "right"), "graded by the server");
    assertBadRequest(answer(student, lesson, QuizLessons.EXERCISE, "something", "perhaps"), "selfAssessment");
    assertBadRequest(call("POST", "/api/v1/lessons/" + lesson.id() + "/answers", "not an object", bearer(student)), "");
    assertThat(call("POST", "/api/v1/lessons/" + UUID.randomUUID() + "/answers", Map.of("questionIndex", 0, "answer", "x"), bearer(student)).statusCode()).isEqualTo(404);
    assertThat(ok(call("GET", "/api/v1/me/quiz-history", null, bearer(student))).valueStream().noneMatch(a -> a.path("lessonId").asString().equals(lesson.id().toString()))).as("nothing was stored").isTrue();
  }

  void assertBadRequest(HttpResponse<String> response, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("detail").asString()).contains(detail);
  }
}
