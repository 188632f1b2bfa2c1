package org.vividly.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/**
 * The data rules on real records: an admin exports everything about a student (a ZIP with
 * person.json) and erases it (records gone, account anonymized, audited); other roles and other
 * organizations are refused; retention deletes only students' records older than the
 * organization's retention days.
 */
class PrivacyIT extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired StudentRecords records;

  @Override
  protected String organization() {
    return "privacy-it";
  }

  /** A student with a request and its lesson (asked through the API), a conversation, a quiz answer and an email. */
  private Caller studentWithRecords(String name) {
    Caller student = member(organization(), Role.STUDENT, name);
    HttpResponse<String> asked = call("POST", "/api/v1/requests", Map.of("question", "How do plants make food from sunlight?", "modalities", List.of("text")), "Bearer " + signIn(student));
    assertThat(asked.statusCode()).as(asked.body()).isBetween(200, 202);
    UUID conversation = UUID.randomUUID();
    jdbc.sql("INSERT INTO conversation (id, organization_id, owner_id, title) VALUES (?, ?, ?, 'Photosynthesis')").params(conversation, student.organization().value(), student.userId()).update();
    jdbc.sql("INSERT INTO chat_message (id, conversation_id, organization_id, ordinal, role, content) VALUES (?, ?, ?, 0, 'user', 'what is chlorophyll')").params(UUID.randomUUID(), conversation, student.organization().value()).update();
    jdbc.sql("INSERT INTO quiz_answer (id, organization_id, lesson_id, question_index, student_id, kind, question, answer, correct, section) VALUES (?, ?, ?, 0, ?, 'cloze', 'Plants make ___', 'sugar', true, 'Photosynthesis')")
        .params(UUID.randomUUID(), student.organization().value(), UUID.randomUUID(), student.userId()).update();
    assertThat(call("POST", "/api/v1/auth/password-reset", Map.of("email", student.email()), null).statusCode()).isEqualTo(202);
    return student;
  }

  @Test
  void anAdminExportsEverythingAboutAStudent() throws IOException {
    Caller student = studentWithRecords("export-student");
    HttpResponse<byte[]> zip = http(HttpRequest.newBuilder(URI.create(url("/api/v1/privacy/people/" + student.userId() + "/export"))).header("Authorization", auth()).GET().build());
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
    Map<String, byte[]> entries = unzip(zip.body());
    JsonNode person = JSON.readTree(entries.get("person.json"));
    assertThat(person.path("role").asString()).isEqualTo("student");
    assertThat(person.path("account").path(0).path("email").asString()).isEqualTo(student.email());
    assertThat(person.path("account").path(0).has("password_hash")).isFalse();
    assertThat(person.path("requests").path(0).path("question").asString()).isEqualTo("How do plants make food from sunlight?");
    assertThat(person.path("lessons").size()).isEqualTo(1);
    assertThat(person.path("conversations").path(0).path("messages").path(0).path("content").asString()).isEqualTo("what is chlorophyll");
    assertThat(person.path("quiz-answers").path(0).path("answer").asString()).isEqualTo("sugar");
    assertThat(person.path("emails").path(0).path("subject").asString()).isEqualTo("Reset your Vividly password");

    JsonNode audit = json(get("/api/v1/privacy/audit"));
    assertThat(audit.path(0).path("action").asString()).isEqualTo("export");
    assertThat(audit.path(0).path("subjectId").asString()).isEqualTo(student.userId().toString());
  }

  @Test
  void eraseDeletesTheRecordsAnonymizesTheAccountAndIsAudited() {
    Caller student = studentWithRecords("erase-student");
    HttpResponse<String> erased = postJson("/api/v1/privacy/people/" + student.userId() + "/erasure", Map.of());
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonNode counts = json(erased);
    assertThat(counts.path("requests").asInt()).isEqualTo(1);
    assertThat(counts.path("lessons").asInt()).isEqualTo(1);
    assertThat(counts.path("conversations").asInt()).isEqualTo(1);
    assertThat(counts.path("quiz-answers").asInt()).isEqualTo(1);
    assertThat(counts.path("emails").asInt()).isEqualTo(1);

    UUID id = student.userId();
    assertThat(jdbc.sql("SELECT count(*) FROM content_request WHERE owner_id = ?").param(id).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM lesson WHERE owner_id = ?").param(id).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM quiz_answer WHERE student_id = ?").param(id).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM mail_message WHERE recipient_user_id = ?").param(id).query(Long.class).single()).isZero();
    Map<String, Object> account = jdbc.sql("SELECT email, display_name, password_hash, deleted_at FROM app_user WHERE id = ?").param(id).query().singleRow();
    assertThat(account.get("email")).isEqualTo("erased-" + id + "@erased.invalid");
    assertThat(account.get("display_name")).isEqualTo("Erased person");
    assertThat(account.get("password_hash")).isNull();
    assertThat(account.get("deleted_at")).isNotNull();
    assertThat(call("POST", "/api/v1/auth/token", Map.of("email", student.email(), "password", PASSWORD), null).statusCode()).as("cannot sign in").isEqualTo(401);
    assertThat(json(get("/api/v1/privacy/audit")).path(0).path("action").asString()).isEqualTo("erasure");
    assertThat(postJson("/api/v1/privacy/people/" + id + "/erasure", Map.of()).statusCode()).as("gone").isEqualTo(404);
  }

  @Test
  void onlyAdminsOfThePersonsOrganizationMayAndNotOnThemselves() {
    Caller student = member(organization(), Role.STUDENT, "guarded-student");
    Caller teacher = member(organization(), Role.TEACHER, "privacy-teacher");
    HttpResponse<String> byTeacher = call("POST", "/api/v1/privacy/people/" + student.userId() + "/erasure", Map.of(), "Bearer " + signIn(teacher));
    assertThat(byTeacher.statusCode()).isEqualTo(403);
    assertThat(byTeacher.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(call("GET", "/api/v1/privacy/people/" + student.userId() + "/export", null, "Bearer " + signIn(teacher)).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/api/v1/privacy/people/" + student.userId() + "/erasure", Map.of(), auth("privacy-it-other")).statusCode()).as("another organization's admin").isEqualTo(404);
    assertThat(call("GET", "/api/v1/privacy/people/" + student.userId() + "/export", null, auth("privacy-it-other")).statusCode()).isEqualTo(404);
    Caller admin = member(organization(), Role.ORG_ADMIN, "admin");
    assertThat(postJson("/api/v1/privacy/people/" + admin.userId() + "/erasure", Map.of()).statusCode()).as("not oneself").isEqualTo(403);
    assertThat(postJson("/api/v1/privacy/retention", Map.of()).statusCode()).as("retention for everyone is the super admin's").isEqualTo(403);
    assertThat(accounts.find(student.userId())).isPresent();
  }

  @Test
  void retentionDeletesOnlyStudentsRecordsOlderThanTheOrganizationKeepsThem() {
    String slug = "privacy-it-retention";
    Caller oldStudent = member(slug, Role.STUDENT, "old-student");
    Caller teacher = member(slug, Role.TEACHER, "old-teacher");
    var org = organizations.findBySlug(slug).orElseThrow();
    OrganizationSettings settings = organizations.settings(org.id());
    organizations.updateSettings(org.id(), new OrganizationSettings(settings.libraries(), settings.pricing(), new OrganizationSettings.Compliance(true, settings.compliance().parentalConsentBelowAge(), 30), settings.features()));
    for (Caller person : List.of(oldStudent, teacher)) {
      for (int age : new int[] {40, 5}) {
        jdbc.sql("INSERT INTO quiz_answer (id, organization_id, lesson_id, question_index, student_id, kind, question, answer, correct, section, answered_at) VALUES (?, ?, ?, 0, ?, 'cloze', 'q', 'a', true, 's', now() - make_interval(days => ?))")
            .params(UUID.randomUUID(), org.id().value(), UUID.randomUUID(), person.userId(), age).update();
        jdbc.sql("INSERT INTO lesson (id, organization_id, owner_id, question, grade, in_library, composer, body, latency_ms, created_at) VALUES (?, ?, ?, 'q', 7, true, 'embedded', '{}'::jsonb, 1, now() - make_interval(days => ?))")
            .params(UUID.randomUUID(), org.id().value(), person.userId(), age).update();
      }
    }
    Map<String, Map<String, Integer>> deleted = records.applyRetention(Instant.now());
    assertThat(deleted.get(slug)).containsEntry("quiz-answers", 1).containsEntry("lessons", 1);
    assertThat(jdbc.sql("SELECT count(*) FROM quiz_answer WHERE student_id = ?").param(oldStudent.userId()).query(Long.class).single()).as("the recent answer stays").isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM quiz_answer WHERE student_id = ?").param(teacher.userId()).query(Long.class).single()).as("a teacher's records are not students'").isEqualTo(2);
    assertThat(jdbc.sql("SELECT count(*) FROM lesson WHERE owner_id = ?").param(oldStudent.userId()).query(Long.class).single()).isEqualTo(1);
    assertThat(json(call("GET", "/api/v1/privacy/audit", null, auth(slug))).path(0).path("action").asString()).isEqualTo("retention");
    assertThat(records.applyRetention(Instant.now())).as("a second run finds nothing").doesNotContainKey(slug);

    Caller superAdmin = member(slug, Role.SUPER_ADMIN, "privacy-super");
    assertThat(call("POST", "/api/v1/privacy/retention", Map.of(), "Bearer " + signIn(superAdmin)).statusCode()).isEqualTo(200);
  }

  private HttpResponse<byte[]> http(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) entries.put(e.getName(), in.readAllBytes());
    }
    return entries;
  }
}
