package org.vividly.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vividly.identity.NewAccount;
import org.vividly.support.IntegrationTest;
import org.vividly.support.PageSession;

/**
 * Every way into a class, walked as its teacher, as a teacher of another school and as a student:
 * enrolling makes a student's work visible to the class's teacher, so only an admin enrolls, and a
 * student joins with the code the teacher shares.
 */
class EnrollmentIT extends IntegrationTest {

  @Autowired Schools schools;

  School hillsboro;
  School earlyCollege;
  Caller admin;
  Caller teacher;
  Caller otherSchoolTeacher;
  Caller student;
  Caller newcomer;
  SchoolClass physics;

  @Override
  protected String organization() {
    return "enrollment-it";
  }

  @BeforeEach
  void school() {
    OrganizationId org = organizations.resolve(organization()).id();
    String run = UUID.randomUUID().toString().substring(0, 8);
    hillsboro = schools.createSchool(org, "Hillsboro " + run);
    earlyCollege = schools.createSchool(org, "Early College " + run);
    admin = member(organization(), Role.ORG_ADMIN, "admin");
    teacher = person(org, "teacher-" + run, Role.TEACHER, hillsboro);
    otherSchoolTeacher = person(org, "other-teacher-" + run, Role.TEACHER, earlyCollege);
    student = person(org, "student-" + run, Role.STUDENT, hillsboro);
    newcomer = person(org, "newcomer-" + run, Role.STUDENT, earlyCollege);
    physics = schools.createClass(admin, hillsboro.id(), teacher.userId(), "Physics " + run, "Physics", 9, List.of());
  }

  private Caller person(OrganizationId org, String name, Role role, School school) {
    var account = accounts.create(org, new NewAccount(name + "@enrollment-it.test", name, role, school.id(), role == Role.STUDENT ? 9 : null, PASSWORD, List.of()));
    return new Caller(account.id(), org, role, account.email(), account.displayName(), null);
  }

  private HttpResponse<String> as(Caller who, String method, String path, Object body) {
    return call(method, path, body, "Bearer " + signIn(who));
  }

  @Test
  void aTeacherCannotEnrollAnyStudentNotEvenInTheirOwnClass() {
    String enroll = "/api/v1/classes/" + physics.id() + "/students/";
    assertThat(as(teacher, "PUT", enroll + student.userId(), null).statusCode()).as("a student of their own school").isEqualTo(403);
    assertThat(as(teacher, "PUT", enroll + newcomer.userId(), null).statusCode()).as("a student of another school").isEqualTo(403);
    assertThat(schools.roster(physics.organization(), physics.id())).isEmpty();
    assertThat(as(teacher, "GET", "/api/v1/users/" + newcomer.userId(), null).statusCode()).as("the student stays invisible to them").isEqualTo(404);
    assertThat(as(teacher, "GET", "/api/v1/users", null).body()).doesNotContain(newcomer.userId().toString()).doesNotContain(student.userId().toString());
  }

  @Test
  void aTeacherOfAnotherSchoolSeesAndChangesNothingOfTheClass() {
    String klass = "/api/v1/classes/" + physics.id();
    for (String[] call : List.of(new String[] {"GET", klass}, new String[] {"GET", klass + "/students"}, new String[] {"GET", klass + "/join-code"}, new String[] {"POST", klass + "/join-code"},
        new String[] {"PUT", klass + "/students/" + newcomer.userId()}, new String[] {"DELETE", klass + "/students/" + student.userId()}, new String[] {"DELETE", klass})) {
      HttpResponse<String> response = as(otherSchoolTeacher, call[0], call[1], null);
      assertThat(response.statusCode()).as(call[0] + " " + call[1] + ": " + response.body()).isIn(403, 404);
    }
    assertThat(schools.schoolClass(physics.organization(), physics.id()).name()).isEqualTo(physics.name());
  }

  @Test
  void aStudentCannotEnrollThemselfOrOthersExceptWithTheCode() {
    String klass = "/api/v1/classes/" + physics.id();
    assertThat(as(student, "PUT", klass + "/students/" + student.userId(), null).statusCode()).isEqualTo(403);
    assertThat(as(student, "GET", klass + "/join-code", null).statusCode()).isEqualTo(403);
    assertThat(as(student, "POST", "/api/v1/classes", Map.of("schoolId", hillsboro.id(), "name", "My own class")).statusCode()).isEqualTo(403);
    assertThat(as(student, "POST", "/api/v1/classes/join", Map.of("code", "AAAA-BBBB")).statusCode()).as("a code no class has").isEqualTo(404);
    assertThat(as(student, "POST", "/api/v1/classes/join", Map.of("code", "not a code")).statusCode()).isEqualTo(400);
    assertThat(schools.roster(physics.organization(), physics.id())).isEmpty();
  }

  @Test
  void aStudentJoinsWithTheCodeTheTeacherSharesAndANewCodeRetiresTheOld() {
    String code = json(as(teacher, "GET", "/api/v1/classes/" + physics.id() + "/join-code", null)).path("code").asString();
    assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
    assertThat(as(teacher, "GET", "/api/v1/classes/" + physics.id() + "/join-code", null).body()).as("the code stays until replaced").contains(code);
    assertThat(as(teacher, "POST", "/api/v1/classes/join", Map.of("code", code)).statusCode()).as("teachers are assigned, not joined").isEqualTo(403);

    HttpResponse<String> joined = as(newcomer, "POST", "/api/v1/classes/join", Map.of("code", code.toLowerCase().replace("-", " ")));
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    assertThat(json(joined).path("id").asString()).isEqualTo(physics.id().toString());
    assertThat(schools.roster(physics.organization(), physics.id())).containsExactly(newcomer.userId());
    assertThat(as(teacher, "GET", "/api/v1/users/" + newcomer.userId(), null).statusCode()).as("now their student").isEqualTo(200);

    String fresh = json(as(teacher, "POST", "/api/v1/classes/" + physics.id() + "/join-code", null)).path("code").asString();
    assertThat(fresh).isNotEqualTo(code);
    assertThat(as(student, "POST", "/api/v1/classes/join", Map.of("code", code)).statusCode()).as("the old code stopped working").isEqualTo(404);
    assertThat(as(teacher, "DELETE", "/api/v1/classes/" + physics.id() + "/students/" + newcomer.userId(), null).statusCode()).as("a teacher may take a student out").isEqualTo(204);
    assertThat(schools.roster(physics.organization(), physics.id())).isEmpty();
  }

  @Test
  void aTeacherCreatesClassesOnlyOfTheirOwnAtTheirOwnSchool() {
    assertThat(as(teacher, "POST", "/api/v1/classes", Map.of("schoolId", earlyCollege.id(), "name", "Elsewhere")).statusCode()).as("another school").isEqualTo(403);
    assertThat(as(teacher, "POST", "/api/v1/classes", Map.of("schoolId", hillsboro.id(), "teacherId", otherSchoolTeacher.userId(), "name", "For someone else")).statusCode()).isEqualTo(403);
    HttpResponse<String> own = as(teacher, "POST", "/api/v1/classes", Map.of("schoolId", hillsboro.id(), "name", "Optics"));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(json(own).path("teacherId").asString()).isEqualTo(teacher.userId().toString());
    assertThat(as(admin, "POST", "/api/v1/classes", Map.of("schoolId", earlyCollege.id(), "teacherId", teacher.userId(), "name", "Assigned by the admin")).statusCode()).isEqualTo(201);
  }

  @Test
  void anAdminEnrollsStudentsAndEnrollingSomeoneElseIsNotFoundWithoutNamingTheirRole() {
    String enroll = "/api/v1/classes/" + physics.id() + "/students/";
    assertThat(as(admin, "PUT", enroll + student.userId(), null).statusCode()).isEqualTo(204);
    HttpResponse<String> aTeacher = as(admin, "PUT", enroll + otherSchoolTeacher.userId(), null);
    assertThat(aTeacher.statusCode()).isEqualTo(404);
    assertThat(aTeacher.body()).doesNotContainIgnoringCase("teacher");
    assertThat(schools.roster(physics.organization(), physics.id())).containsExactly(student.userId());
  }

  @Test
  void pagesShowTheTeacherTheCodeLetAStudentJoinAndHideOtherTeachersStudents() {
    PageSession teacherPages = PageSession.signIn(url(""), teacher.email(), PASSWORD);
    String code = schools.joinCode(teacher, physics.id());
    assertThat(teacherPages.get("/teach").body()).contains(code);
    HttpResponse<String> notTheirs = teacherPages.get("/teach/students/" + newcomer.userId());
    assertThat(notTheirs.statusCode()).as("another teacher's student is not found, not a server error").isEqualTo(404);

    PageSession studentPages = PageSession.signIn(url(""), newcomer.email(), PASSWORD);
    assertThat(studentPages.get("/my").body()).contains("Join a class");
    HttpResponse<String> joined = studentPages.post("/my/classes/join", Map.of("code", code));
    assertThat(joined.statusCode()).isEqualTo(200);
    assertThat(joined.body()).contains("You joined " + physics.name());
    HttpResponse<String> wrong = studentPages.post("/my/classes/join", Map.of("code", "ZZZZ-ZZZZ"));
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).contains("does not exist");
    assertThat(studentPages.get("/my?joined=Free+pizza+at+the+office").body()).as("the page says only what the server says").doesNotContain("Free pizza");
    assertThat(teacherPages.get("/teach/students/" + newcomer.userId()).statusCode()).isEqualTo(200);
  }
}
