package org.vividly.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vividly.support.IntegrationTest;

/** Bad input on the organization, school, class and people endpoints: a clear 4xx, and nothing stored. */
class BadInputIT extends IntegrationTest {

  private static final List<String> HOSTILE = List.of("<img src=x onerror=alert(1)>", "Robert'); DROP TABLE app_user;--", "1' OR '1'='1", "x".repeat(121), "");

  @Autowired JdbcClient jdbc;
  @Autowired Schools schools;

  @Override
  protected String organization() {
    return "bad-input-it";
  }

  long rows() {
    return jdbc.sql("SELECT (SELECT count(*) FROM app_user) + (SELECT count(*) FROM school) + (SELECT count(*) FROM school_class) + (SELECT count(*) FROM organization) + (SELECT count(*) FROM enrollment)").query(Long.class).single();
  }

  void refused(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(field + ": " + response.body()).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(response).path("detail").asString()).as(field).isNotBlank();
  }

  @Test
  void hostileTextInEveryFieldIsRefusedAndNothingIsStored() {
    Caller teacher = member(organization(), Role.TEACHER, "teacher");
    School school = schools.createSchool(teacher.organization(), "Bad Input High");
    auth();
    long before = rows();
    for (String hostile : HOSTILE) {
      refused(postJson("/api/v1/schools", Map.of("name", hostile)), "school name");
      for (String field : List.of("email", "displayName", "role")) {
        Map<String, Object> person = new HashMap<>(Map.of("email", "fine.person@bad-input-it.test", "displayName", "Fine Person", "role", "student"));
        person.put(field, hostile);
        refused(postJson("/api/v1/users", person), field);
      }
      refused(postJson("/api/v1/users", Map.of("email", "fine.person@bad-input-it.test", "displayName", "Fine Person", "role", "student", "interests", List.of(hostile))), "interests");
      for (String field : List.of("name", "subject")) {
        Map<String, Object> schoolClass = new HashMap<>(Map.of("schoolId", school.id().toString(), "teacherId", teacher.userId().toString(), "name", "Fine Class", "subject", "Physics"));
        schoolClass.put(field, hostile);
        if (!(field.equals("subject") && hostile.isEmpty())) refused(postJson("/api/v1/classes", schoolClass), "class " + field);
      }
      refused(postJson("/api/v1/classes", Map.of("schoolId", school.id().toString(), "teacherId", teacher.userId().toString(), "name", "Fine Class", "topics", List.of(hostile))), "topics");
      refused(call("PATCH", "/api/v1/organization", Map.of("name", hostile), auth()), "organization name");
    }
    assertThat(rows()).as("nothing was stored").isEqualTo(before);
    assertThat(json(get("/api/v1/organization")).path("organization").path("name").asString()).isEqualTo("bad-input-it");
  }

  @Test
  void duplicateEmailsUnknownRolesAndForeignIdsAreClear4xx() {
    auth();
    HttpResponse<String> first = postJson("/api/v1/users", Map.of("email", "Dup.Licate@bad-input-it.test", "displayName", "Dup", "role", "student", "password", "a good password"));
    assertThat(first.statusCode()).isEqualTo(201);
    long before = rows();
    HttpResponse<String> duplicate = postJson("/api/v1/users", Map.of("email", "dup.licate@BAD-INPUT-IT.test", "displayName", "Dup Again", "role", "teacher"));
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(json(duplicate).path("detail").asString()).contains("already exists");
    HttpResponse<String> role = postJson("/api/v1/users", Map.of("email", "role@bad-input-it.test", "displayName", "Role", "role", "principal"));
    assertThat(role.statusCode()).isEqualTo(400);
    assertThat(json(role).path("detail").asString()).contains("Unknown role 'principal'");
    HttpResponse<String> weak = postJson("/api/v1/users", Map.of("email", "weak@bad-input-it.test", "displayName", "Weak", "role", "student", "password", "short"));
    assertThat(json(weak).path("detail").asString()).contains("at least 8 characters");
    HttpResponse<String> superAdmin = postJson("/api/v1/users", Map.of("email", "boss@bad-input-it.test", "displayName", "Boss", "role", "super_admin"));
    assertThat(superAdmin.statusCode()).as("org admins cannot make super admins").isEqualTo(403);

    Caller foreignTeacher = member("bad-input-foreign", Role.TEACHER, "foreign-teacher");
    School foreignSchool = schools.createSchool(foreignTeacher.organization(), "Foreign High");
    HttpResponse<String> foreignSchoolId = postJson("/api/v1/users", Map.of("email", "x@bad-input-it.test", "displayName", "X", "role", "student", "schoolId", foreignSchool.id().toString()));
    assertThat(foreignSchoolId.statusCode()).isEqualTo(404);
    HttpResponse<String> foreignTeacherId = postJson("/api/v1/classes", Map.of("schoolId", schools.createSchool(organizations.findBySlug(organization()).orElseThrow().id(), "Own School " + UUID.randomUUID()).id().toString(), "teacherId", foreignTeacher.userId().toString(), "name", "Class"));
    assertThat(foreignTeacherId.statusCode()).isEqualTo(404);
    // Only what this test made itself: the other organization, its teacher and the two schools.
    assertThat(rows()).isEqualTo(before + 4);
  }

}
