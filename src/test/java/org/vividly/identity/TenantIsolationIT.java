package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.School;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation of the OpenAPI document as someone who must not reach one organization's
 * private records, with their ids in the path and the body, and checks that each answers 4xx or
 * answers with nothing of theirs, changes none of them, and that afterwards all of it still exists.
 * The walkers: the admin of another organization (who must get nothing of the organization at
 * all), a teacher of another school of the same organization, and a student of the same school
 * (who share its library, but not its students' requests, lessons, conversations, collections,
 * rosters or join codes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT extends IntegrationTest {

  private static final String MARKER = "zorblaxian";
  /** In the victims' private records only: a question, a conversation, a collection. */
  private static final String PRIVATE = "quibbleflux";
  /** Operations that take no ids and run long benchmarks in the caller's own organization. */
  private static final Set<String> SKIPPED = Set.of("POST /api/v1/benchmarks/embedding", "POST /api/v1/benchmarks/search", "POST /api/v1/benchmarks/lessons", "POST /api/v1/benchmarks/speech", "POST /api/v1/index/rebuild", "POST /api/v1/auth/logout");

  @Autowired Schools schools;

  Map<String, String> ids = new LinkedHashMap<>();
  Caller teacher;
  Caller student;
  School school;
  String joinCode;

  @Override
  protected String organization() {
    return "walk-victim";
  }

  @BeforeAll
  void victim() throws Exception {
    // The victim organization: a source with a marker word, a request and its lesson, people, a school and a class.
    JsonNode job = ingest("secret.md", ("# Zorblaxian Notes\n\n## Zorblaxian crystals\n\nZorblaxian crystals glow when " + MARKER + " energy passes through them, which is how the victim school powers its lamps.\n").getBytes(StandardCharsets.UTF_8));
    assertThat(job.path("status").asString()).isEqualTo("succeeded");
    teacher = member(organization(), Role.TEACHER, "victim-teacher");
    student = member(organization(), Role.STUDENT, "victim-student");
    school = schools.createSchool(student.organization(), "Victim High");
    accounts.update(student.organization(), teacher.userId(), null, null, school.id(), null);
    accounts.update(student.organization(), student.userId(), null, null, school.id(), null);
    SchoolClass schoolClass = schools.createClass(student.organization(), school.id(), teacher.userId(), "Crystals", "Chemistry", 10, List.of("crystals"));
    schools.enroll(student.organization(), schoolClass.id(), student.userId());
    joinCode = schools.joinCode(member(organization(), Role.ORG_ADMIN, "admin"), schoolClass.id());
    JsonNode request = json(call("POST", "/api/v1/requests", Map.of("question", "Why do zorblaxian crystals glow like " + PRIVATE + "?", "modalities", List.of("text")), "Bearer " + signIn(student)));
    JsonNode hit = json(get("/api/v1/search?q=zorblaxian+crystals&k=1")).path("hits").get(0);
    JsonNode source = json(get("/api/v1/sources")).get(0);
    java.nio.file.Path vtt = java.nio.file.Files.createTempFile("victim-lecture-", ".vtt");
    java.nio.file.Files.writeString(vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nZorblaxian crystals glow with " + MARKER + " energy in the victim's lecture.\n");
    String video = JSON.readTree(uploadVideo(auth(), null, vtt, Map.of("title", "Zorblaxian lecture")).getBody()).path("id").asString();
    assertThat(awaitVideo(video, auth(), java.time.Duration.ofMinutes(2)).path("status").asString()).isEqualTo("ready");
    String collection = json(postJson("/api/v1/collections", Map.of("name", "Zorblaxian course " + PRIVATE))).path("id").asString();
    String conversation = json(postJson("/api/v1/conversations", Map.of("videoIds", List.of(video)))).path("id").asString();
    assertThat(json(postJson("/api/v1/conversations/" + conversation + "/messages", Map.of("question", "Why do zorblaxian crystals glow, " + PRIVATE + "?"))).path("role").asString()).isEqualTo("assistant");
    // A share link of the collection, and an email in the outbox (a reset for the student).
    String link = json(postJson("/api/v1/collections/" + collection + "/links", Map.of("days", 7))).path("id").asString();
    assertThat(call("POST", "/api/v1/auth/password-reset", Map.of("email", student.email()), null).statusCode()).isEqualTo(202);
    String email = json(get("/api/v1/outbox")).path("messages").path(0).path("id").asString();
    ids.put("videos", video);
    ids.put("links", link);
    ids.put("outbox", email);
    ids.put("people", student.userId().toString());
    ids.put("collections", collection);
    ids.put("conversations", conversation);
    ids.put("requests", request.path("id").asString());
    ids.put("lessons", request.path("lessonId").asString());
    ids.put("sources", source.path("id").asString());
    ids.put("passages", hit.path("passageId").asString());
    ids.put("jobs", job.path("id").asString());
    ids.put("users", student.userId().toString());
    ids.put("classes", schoolClass.id().toString());
    ids.put("schools", school.id().toString());
    ids.put("organizations", student.organization().toString());
  }

  @Test
  void anotherOrganizationsAdminGetsNothingFromAnyEndpoint() {
    // Passage ids are small numbers that any text may contain; they are checked by status only.
    List<String> secrets = new ArrayList<>(ids.values().stream().filter(id -> id.length() >= 8).toList());
    secrets.addAll(List.of(MARKER, "Zorblaxian", student.email(), teacher.email(), "Victim High", joinCode));
    walk(auth("walk-intruder"), secrets, ids.values().stream().filter(id -> id.length() >= 8).toList(), true);
  }

  @Test
  void aTeacherOfAnotherSchoolGetsNoneOfTheSchoolsPrivateRecords() {
    School other = schools.createSchool(student.organization(), "Other High " + java.util.UUID.randomUUID().toString().substring(0, 6));
    Caller walker = member(organization(), Role.TEACHER, "other-school-teacher");
    accounts.update(walker.organization(), walker.userId(), null, null, other.id(), null);
    schools.createClass(walker.organization(), other.id(), walker.userId(), "Their own class", "Biology", 9, List.of());
    walk("Bearer " + signIn(walker), privateSecrets(), privateIds(), false);
  }

  @Test
  void aStudentOfTheSameSchoolGetsNoneOfAnotherStudentsRecords() {
    Caller walker = member(organization(), Role.STUDENT, "same-school-student");
    accounts.update(walker.organization(), walker.userId(), null, null, school.id(), null);
    walk("Bearer " + signIn(walker), privateSecrets(), privateIds(), false);
  }

  /** What only the victim student, their teacher and the organization's admins may see. */
  private List<String> privateSecrets() {
    List<String> secrets = new ArrayList<>(List.of(ids.get("requests"), ids.get("lessons"), ids.get("conversations"), ids.get("collections"), ids.get("classes"), ids.get("users")));
    secrets.addAll(List.of(PRIVATE, student.email(), teacher.email(), joinCode));
    return secrets;
  }

  /** Records a walker of the same organization may read (the library) but must not change, and the private ones. */
  private List<String> privateIds() {
    return List.of(ids.get("requests"), ids.get("lessons"), ids.get("conversations"), ids.get("collections"), ids.get("classes"), ids.get("users"), ids.get("sources"), ids.get("videos"), ids.get("schools"));
  }

  private void walk(String intruder, List<String> secrets, List<String> untouchable, boolean otherOrganization) {
    JsonNode openApi = json(get("/v3/api-docs"));
    List<String> walked = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    for (var path : openApi.path("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        String method = operation.getKey().toUpperCase();
        String template = path.getKey();
        if (SKIPPED.contains(method + " " + template)) continue;
        String concrete = concrete(template, ids, student.userId().toString());
        Map<String, Object> body = new java.util.HashMap<>(Map.of("question", "What glows?", "name", "Renamed", "displayName", "Renamed", "email", "walker@walk-intruder.test", "role", "student",
            "schoolId", ids.get("schools"), "teacherId", teacher.userId().toString(), "planCode", "plus", "password", "long enough password", "code", "AAAA-BBBB"));
        // A well-formed answer, so that answering the victim's lesson gets as far as finding it.
        body.putAll(Map.of("questionIndex", 0, "answer", "What glows?"));
        HttpResponse<String> response = call(method, concrete, method.equals("GET") || method.equals("DELETE") ? null : body, intruder);
        walked.add(method + " " + template + " -> " + response.statusCode());
        int status = response.statusCode();
        if (status >= 500) leaks.add(method + " " + concrete + " failed with " + status + ": " + response.body());
        String sent = concrete + JSON.writeValueAsString(body);
        for (String secret : secrets) {
          // An error may name the id the caller sent; anything else of the victim's is a leak.
          if (!sent.contains(secret) && response.body().contains(secret)) leaks.add(method + " " + concrete + " (" + status + ") shows " + secret);
        }
        if (otherOrganization && template.contains("/passages/{id}") && status != 404) leaks.add(method + " " + concrete + " answered " + status + " for another organization's passage");
        if (status >= 200 && status < 300 && !method.equals("GET") && untouchable.stream().anyMatch(concrete::contains)) {
          leaks.add(method + " " + concrete + " changed the victim's record (" + status + ")");
        }
      }
    }
    assertThat(walked).as("the walk covered the API").hasSizeGreaterThan(40);
    assertThat(leaks).as(String.join("\n", walked)).isEmpty();

    // Everything of the victim's is still there and unchanged.
    assertThat(get("/api/v1/requests/" + ids.get("requests")).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/sources/" + ids.get("sources")).statusCode()).isEqualTo(200);
    assertThat(json(get("/api/v1/users/" + ids.get("users"))).path("displayName").asString()).isEqualTo("victim-student");
    assertThat(json(get("/api/v1/classes/" + ids.get("classes"))).path("name").asString()).isEqualTo("Crystals");
    assertThat(schools.roster(student.organization(), java.util.UUID.fromString(ids.get("classes")))).containsExactly(student.userId());
    assertThat(json(get("/api/v1/organization")).path("organization").path("slug").asString()).isEqualTo("walk-victim");
    assertThat(accounts.get(student.organization(), student.userId()).planCode()).isNull();
    assertThat(json(get("/api/v1/videos/" + ids.get("videos"))).path("status").asString()).isEqualTo("ready");
    assertThat(json(get("/api/v1/collections/" + ids.get("collections"))).path("name").asString()).isEqualTo("Zorblaxian course " + PRIVATE);
    assertThat(json(get("/api/v1/conversations/" + ids.get("conversations"))).path("messages").size()).isEqualTo(2);
    assertThat(json(get("/api/v1/collections/" + ids.get("collections") + "/links")).path(0).path("active").asBoolean()).as("the share link was not revoked").isTrue();
    assertThat(json(get("/api/v1/outbox/" + ids.get("outbox"))).path("status").asString()).isEqualTo("outbox");
    assertThat(accounts.find(student.userId())).as("not erased").isPresent();
  }

  /** The path with the victim's ids in its variables. */
  private static String concrete(String template, Map<String, String> ids, String studentId) {
    String path = template.replace("{studentId}", studentId).replace("{userId}", studentId).replace("{sourceId}", ids.get("sources")).replace("{name}", "lesson.md").replace("{token}", "not-a-token")
        .replace("{linkId}", ids.get("links"));
    for (var e : ids.entrySet()) path = path.replace("/" + e.getKey() + "/{id}", "/" + e.getKey() + "/" + e.getValue());
    return path.replace("{id}", ids.get("requests"));
  }

}
