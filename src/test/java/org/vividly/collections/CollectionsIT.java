package org.vividly.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/** Collections and their sharing roles, over the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CollectionsIT extends IntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired org.vividly.tenancy.Schools schools;

  @Override
  protected String organization() {
    return "collections-it";
  }

  @Test
  void aShareLinkLetsMembersOfTheOrganizationViewUntilItIsRevokedOrExpires() {
    String owner = "Bearer " + signIn(member(organization(), Role.TEACHER, "link-owner"));
    String student = "Bearer " + signIn(member(organization(), Role.STUDENT, "link-student"));
    String late = "Bearer " + signIn(member(organization(), Role.STUDENT, "link-late"));
    String stranger = "Bearer " + signIn(member("collections-it-other", Role.TEACHER, "link-stranger"));
    String id = json(call("POST", "/api/v1/collections", Map.of("name", "Optics unit"), owner)).path("id").asString();

    var made = call("POST", "/api/v1/collections/" + id + "/links", Map.of("days", 7), owner);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    String url = json(made).path("url").asString();
    assertThat(url).startsWith("http://localhost:" + port + "/collections/shared/");
    String token = url.substring(url.lastIndexOf('/') + 1);
    assertThat(call("POST", "/api/v1/collections/" + id + "/links", Map.of("days", 7), student).statusCode()).as("only owners make links").isEqualTo(404);
    assertThat(call("POST", "/api/v1/collections/" + id + "/links", Map.of("days", 400), owner).statusCode()).isEqualTo(400);

    assertThat(call("GET", "/api/v1/collections/" + id, null, student).statusCode()).as("not before opening the link").isEqualTo(404);
    var opened = call("GET", "/collections/shared/" + token, null, student);
    assertThat(opened.statusCode()).isEqualTo(303);
    assertThat(opened.headers().firstValue("Location").orElse("")).isEqualTo("/collections/" + id);
    JsonNode seen = json(call("GET", "/api/v1/collections/" + id, null, student));
    assertThat(seen.path("role").asString()).isEqualTo("viewer");
    assertThat(call("POST", "/api/v1/collections/shared/" + token, null, stranger).statusCode()).as("another organization").isEqualTo(404);

    JsonNode links = json(call("GET", "/api/v1/collections/" + id + "/links", null, owner));
    assertThat(links.path(0).path("url").isNull()).as("the address is shown once").isTrue();
    assertThat(links.path(0).path("active").asBoolean()).isTrue();
    var revoked = call("DELETE", "/api/v1/collections/" + id + "/links/" + links.path(0).path("id").asString(), null, owner);
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(json(revoked).path(0).path("active").asBoolean()).isFalse();
    assertThat(call("GET", "/api/v1/collections/" + id, null, student).statusCode()).as("revoked: access ends at once").isEqualTo(404);
    assertThat(call("POST", "/api/v1/collections/shared/" + token, null, late).statusCode()).isEqualTo(404);

    String second = json(call("POST", "/api/v1/collections/" + id + "/links", Map.of("days", 1), owner)).path("url").asString();
    assertThat(call("POST", "/api/v1/collections/shared/" + second.substring(second.lastIndexOf('/') + 1), null, late).statusCode()).isEqualTo(200);
    jdbc.sql("UPDATE collection_link SET expires_at = now() - interval '1 minute' WHERE collection_id = ?::uuid AND revoked_at IS NULL").param(id).update();
    assertThat(call("GET", "/api/v1/collections/" + id, null, late).statusCode()).as("expired: access ends").isEqualTo(404);
  }

  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void ownersShareEditorsEditViewersOnlyReadAndOthersSeeNothing() {
    var ownerTeacher = member(organization(), Role.TEACHER, "owner");
    String owner = "Bearer " + signIn(ownerTeacher);
    var editor = member(organization(), Role.TEACHER, "editor");
    var viewer = member(organization(), Role.STUDENT, "viewer");
    // A teacher shares with colleagues and with the students of their classes.
    var school = schools.createSchool(viewer.organization(), "Collections High " + java.util.UUID.randomUUID().toString().substring(0, 6));
    schools.enroll(viewer.organization(), schools.createClass(viewer.organization(), school.id(), ownerTeacher.userId(), "Chemistry", "Chemistry", 9, List.of()).id(), viewer.userId());
    String editorAuth = "Bearer " + signIn(editor);
    String viewerAuth = "Bearer " + signIn(viewer);
    String stranger = "Bearer " + signIn(member(organization(), Role.STUDENT, "stranger"));
    var outsider = member("collections-other", Role.TEACHER, "outsider");

    JsonNode mine = json(call("GET", "/api/v1/collections", null, owner));
    assertThat(mine.get(0).path("name").asString()).isEqualTo("Uncategorized");
    assertThat(mine.get(0).path("isDefault").asBoolean()).isTrue();
    String defaultId = mine.get(0).path("id").asString();
    assertThat(call("DELETE", "/api/v1/collections/" + defaultId, null, owner).statusCode()).isEqualTo(400);

    var created = call("POST", "/api/v1/collections", Map.of("name", "5.111 Fall", "instructor", "C. Drennan", "subject", "Chemistry", "semester", "Fall 2026", "tags", List.of("Chemistry", "chemistry", "MIT")), owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode c = json(created);
    String id = c.path("id").asString();
    assertThat(c.path("tags").toString()).isEqualTo("[\"chemistry\",\"mit\"]");
    assertThat(c.path("role").asString()).isEqualTo("owner");
    assertThat(call("POST", "/api/v1/collections", Map.of("name", "<script>"), owner).statusCode()).isEqualTo(400);

    assertThat(call("PUT", "/api/v1/collections/" + id + "/members/" + editor.userId(), Map.of("role", "editor"), owner).statusCode()).isEqualTo(200);
    assertThat(call("PUT", "/api/v1/collections/" + id + "/members/" + viewer.userId(), Map.of("role", "viewer"), owner).statusCode()).isEqualTo(200);
    assertThat(call("PUT", "/api/v1/collections/" + id + "/members/" + outsider.userId(), Map.of("role", "viewer"), owner).statusCode()).isEqualTo(404);
    assertThat(call("PUT", "/api/v1/collections/" + id + "/members/" + viewer.userId(), Map.of("role", "boss"), owner).statusCode()).isEqualTo(400);

    assertThat(call("GET", "/api/v1/collections/" + id, null, viewerAuth).statusCode()).isEqualTo(200);
    assertThat(call("PUT", "/api/v1/collections/" + id, Map.of("name", "Renamed by a viewer"), viewerAuth).statusCode()).isEqualTo(403);
    assertThat(call("PUT", "/api/v1/collections/" + id + "/members/" + viewer.userId(), Map.of("role", "owner"), editorAuth).statusCode()).isEqualTo(403);
    var renamed = call("PUT", "/api/v1/collections/" + id, Map.of("name", "5.111 Fall 2026", "instructor", "C. Drennan"), editorAuth);
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(json(renamed).path("name").asString()).isEqualTo("5.111 Fall 2026");
    assertThat(call("DELETE", "/api/v1/collections/" + id, null, editorAuth).statusCode()).isEqualTo(403);

    assertThat(call("GET", "/api/v1/collections/" + id, null, stranger).statusCode()).isEqualTo(404);
    assertThat(json(call("GET", "/api/v1/collections", null, stranger)).toString()).doesNotContain(id);
    assertThat(json(call("GET", "/api/v1/collections/" + id + "/members", null, viewerAuth)).size()).isEqualTo(3);

    // The last owner cannot leave or be demoted; a viewer may leave.
    JsonNode me = json(call("GET", "/api/v1/me", null, owner));
    assertThat(call("DELETE", "/api/v1/collections/" + id + "/members/" + me.path("id").asString(), null, owner).statusCode()).isEqualTo(400);
    assertThat(call("DELETE", "/api/v1/collections/" + id + "/members/" + viewer.userId(), null, viewerAuth).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/collections/" + id, null, viewerAuth).statusCode()).isEqualTo(404);

    assertThat(call("POST", "/api/v1/collections/" + id + "/items", Map.of("sourceIds", List.of("00000000-0000-0000-0000-000000000001")), editorAuth).statusCode()).isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/collections/" + id, null, owner).statusCode()).isEqualTo(204);
  }

  @Test
  void aStudentFindsAndSharesWithClassmatesAndTeachersOnlyAndNeverSeesEmails() {
    var tenant = organizations.resolve(organization()).id();
    String run = java.util.UUID.randomUUID().toString().substring(0, 6);
    var teacher = member(organization(), Role.TEACHER, "quillon-teacher-" + run);
    var student = member(organization(), Role.STUDENT, "quillon-student-" + run);
    var classmate = member(organization(), Role.STUDENT, "quillon-classmate-" + run);
    var stranger = member(organization(), Role.STUDENT, "quillon-stranger-" + run);
    var school = schools.createSchool(tenant, "Quillon High " + run);
    var physics = schools.createClass(tenant, school.id(), teacher.userId(), "Physics", "Physics", 9, List.of());
    schools.enroll(tenant, physics.id(), student.userId());
    schools.enroll(tenant, physics.id(), classmate.userId());
    String auth = "Bearer " + signIn(student);
    String id = json(call("POST", "/api/v1/collections", Map.of("name", "Study group " + run), auth)).path("id").asString();

    String found = call("GET", "/api/v1/collections/" + id + "/share-candidates?q=quillon", null, auth).body();
    assertThat(found).contains(classmate.userId().toString(), teacher.userId().toString()).doesNotContain(stranger.userId().toString()).doesNotContain("@");
    assertThat(json(call("GET", "/api/v1/collections/" + id + "/share-candidates?q=q", null, auth)).size()).as("one letter finds nobody").isZero();

    var refused = call("PUT", "/api/v1/collections/" + id + "/members/" + stranger.userId(), Map.of("role", "viewer"), auth);
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body()).doesNotContain(stranger.email());
    var shared = call("PUT", "/api/v1/collections/" + id + "/members/" + classmate.userId(), Map.of("role", "viewer"), auth);
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    assertThat(shared.body()).contains(classmate.displayName()).doesNotContain(classmate.email());

    var pages = org.vividly.support.PageSession.signIn(url(""), student.email(), PASSWORD);
    assertThat(pages.get("/collections/" + id).body()).as("the page lists nobody until asked").doesNotContain(teacher.displayName()).doesNotContain(stranger.displayName());
    assertThat(pages.get("/collections/" + id + "?q=quillon").body()).contains(teacher.displayName()).doesNotContain(stranger.displayName());
  }
}
