package org.vividly.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vividly.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Inside one organization: students see their own work, teachers their students', admins everyone's. */
class VisibilityIT extends IntegrationTest {

  @Autowired Schools schools;

  @Override
  protected String organization() {
    return "visibility-it";
  }

  HttpResponse<String> as(Caller who, String method, String path, Object body) {
    return call(method, path, body, "Bearer " + signIn(who));
  }

  @Test
  void eachRoleSeesWhatItShould() {
    Caller teacher = member(organization(), Role.TEACHER, "vis-teacher");
    Caller otherTeacher = member(organization(), Role.TEACHER, "vis-other-teacher");
    Caller mine = member(organization(), Role.STUDENT, "vis-my-student");
    Caller theirs = member(organization(), Role.STUDENT, "vis-their-student");
    School school = schools.createSchool(teacher.organization(), "Visibility High");
    SchoolClass myClass = schools.createClass(teacher.organization(), school.id(), teacher.userId(), "Mine", "Physics", 9, List.of());
    SchoolClass theirClass = schools.createClass(teacher.organization(), school.id(), otherTeacher.userId(), "Theirs", "Biology", 9, List.of());
    schools.enroll(teacher.organization(), myClass.id(), mine.userId());
    schools.enroll(teacher.organization(), theirClass.id(), theirs.userId());
    String myRequest = json(as(mine, "POST", "/api/v1/requests", Map.of("question", "What is inertia?", "modalities", List.of("text")))).path("id").asString();
    String theirRequest = json(as(theirs, "POST", "/api/v1/requests", Map.of("question", "What is a cell?", "modalities", List.of("text")))).path("id").asString();
    JsonNode theirLesson = json(as(theirs, "GET", "/api/v1/requests/" + theirRequest, null));

    // Students: their own only.
    assertThat(as(mine, "GET", "/api/v1/requests/" + myRequest, null).statusCode()).isEqualTo(200);
    assertThat(as(mine, "GET", "/api/v1/requests/" + theirRequest, null).statusCode()).isEqualTo(404);
    assertThat(as(mine, "GET", "/api/v1/lessons/" + theirLesson.path("lessonId").asString(), null).statusCode()).isEqualTo(404);
    assertThat(as(mine, "DELETE", "/api/v1/requests/" + theirRequest, null).statusCode()).isEqualTo(404);
    assertThat(as(mine, "GET", "/api/v1/requests", null).body()).contains(myRequest).doesNotContain(theirRequest);
    assertThat(as(mine, "GET", "/api/v1/users", null).statusCode()).isEqualTo(403);
    assertThat(as(mine, "POST", "/api/v1/ingestions", Map.of()).statusCode()).isEqualTo(403);

    // Teachers: their students'.
    assertThat(as(teacher, "GET", "/api/v1/requests/" + myRequest, null).statusCode()).isEqualTo(200);
    assertThat(as(teacher, "GET", "/api/v1/requests/" + theirRequest, null).statusCode()).isEqualTo(404);
    assertThat(as(teacher, "GET", "/api/v1/requests", null).body()).contains(myRequest).doesNotContain(theirRequest);
    assertThat(as(teacher, "DELETE", "/api/v1/requests/" + myRequest, null).statusCode()).as("seeing is not deleting").isEqualTo(403);
    String users = as(teacher, "GET", "/api/v1/users", null).body();
    assertThat(users).contains("vis-my-student").doesNotContain("vis-their-student").doesNotContain("vis-other-teacher");
    assertThat(as(teacher, "GET", "/api/v1/users/" + theirs.userId() + "/quota", null).statusCode()).isEqualTo(404);
    assertThat(as(teacher, "GET", "/api/v1/classes/" + theirClass.id(), null).statusCode()).isEqualTo(404);
    assertThat(as(teacher, "PUT", "/api/v1/classes/" + theirClass.id() + "/students/" + mine.userId(), null).statusCode()).isEqualTo(404);
    assertThat(as(teacher, "POST", "/api/v1/users", Map.of("email", "x@visibility-it.test", "displayName", "X", "role", "student")).statusCode()).isEqualTo(403);

    // Admins: everyone's.
    assertThat(get("/api/v1/requests/" + theirRequest).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/requests/" + myRequest).statusCode()).isEqualTo(200);
    assertThat(as(mine, "DELETE", "/api/v1/requests/" + myRequest, null).statusCode()).isEqualTo(204);
  }

  @Test
  void retrievalSearchesTheSharedLibraryOnlyWhenTheOrganizationEnablesIt() {
    Caller librarian = member(Organizations.SHARED_LIBRARY_SLUG, Role.ORG_ADMIN, "librarian");
    assertThat(ingestAs(librarian, "# Quasars\n\n## What a quasar is\n\nA quasar is an extremely luminous active galactic nucleus powered by a supermassive black hole.\n").path("status").asString()).isEqualTo("succeeded");
    Caller student = member(organization(), Role.STUDENT, "vis-library-student");
    OrganizationSettings settings = organizations.settings(student.organization());
    organizations.updateSettings(student.organization(), new OrganizationSettings(new OrganizationSettings.Libraries(true), settings.pricing(), settings.compliance(), settings.features()));
    assertThat(as(student, "GET", "/api/v1/search?q=quasar+luminous+galactic+nucleus&k=3", null).body()).contains("Quasars");
    organizations.updateSettings(student.organization(), new OrganizationSettings(new OrganizationSettings.Libraries(false), settings.pricing(), settings.compliance(), settings.features()));
    assertThat(as(student, "GET", "/api/v1/search?q=quasar+luminous+galactic+nucleus&k=3", null).body()).doesNotContain("Quasars");
    JsonNode lesson = json(as(student, "POST", "/api/v1/lessons", Map.of("question", "What is a quasar?")));
    assertThat(lesson.path("inLibrary").asBoolean()).isFalse();
  }

  private JsonNode ingestAs(Caller who, String markdown) {
    var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    parts.add("file", new org.springframework.core.io.ByteArrayResource(markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "quasars.md";
      }
    });
    String token = signIn(who);
    JsonNode job = org.springframework.web.client.RestClient.create(url("")).post().uri("/api/v1/ingestions").header("Authorization", "Bearer " + token).contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class);
    for (int i = 0; i < 300; i++) {
      JsonNode current = org.springframework.web.client.RestClient.create(url("")).get().uri("/api/v1/jobs/" + job.path("id").asString()).header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
      if (current.path("status").asString().matches("succeeded|failed")) return current;
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("ingestion did not finish");
  }
}
