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

  @Override
  protected String organization() {
    return "collections-it";
  }

  @Test
  void ownersShareEditorsEditViewersOnlyReadAndOthersSeeNothing() {
    String owner = "Bearer " + signIn(member(organization(), Role.TEACHER, "owner"));
    var editor = member(organization(), Role.TEACHER, "editor");
    var viewer = member(organization(), Role.STUDENT, "viewer");
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
}
