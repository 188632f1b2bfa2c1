package org.vividly.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/** Whoever added a source, or an admin, deletes it; a book of the whole library only an admin. */
class SourceOwnershipIT extends IntegrationTest {

  @Autowired Ingestion ingestion;

  @Override
  protected String organization() {
    return "source-ownership-it";
  }

  private String upload(Caller teacher, String title) {
    JsonNode done = uploadJob(teacher, title, "A short note about " + title + " for the class.");
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
    return done.path("report").path("sources").get(0).path("sourceId").asString();
  }

  private JsonNode uploadJob(Caller teacher, String title, String text) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(("# " + title + "\n\n## Notes\n\n" + text + "\n").getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return title.replace(' ', '-') + ".md";
      }
    });
    String authorization = "Bearer " + signIn(teacher);
    JsonNode job = RestClient.create(url("")).post().uri("/api/v1/ingestions").header("Authorization", authorization).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class);
    return awaitJob(job.path("id").asString(), Duration.ofMinutes(2));
  }

  @Test
  void uploadingAFileOfTheSameNameDoesNotReplaceAnotherTeachersSource() {
    Caller author = member(organization(), Role.TEACHER, "first-author");
    Caller colleague = member(organization(), Role.TEACHER, "second-author");
    String source = upload(author, "Lab safety");
    JsonNode clobber = uploadJob(colleague, "Lab safety", "Nothing to see here.");
    assertThat(clobber.path("report").path("skipped").toString()).as(clobber.toString()).contains("added by someone else");
    assertThat(get("/api/v1/passages/" + json(get("/api/v1/search?q=short+note+lab+safety&k=1")).path("hits").get(0).path("passageId").asString()).body()).contains("A short note about Lab safety");
    assertThat(call("DELETE", "/api/v1/sources/" + source, null, "Bearer " + signIn(author)).statusCode()).as("still the author's").isEqualTo(204);
  }

  @Test
  void aTeacherDeletesTheirOwnSourcesButNotAnotherTeachers() {
    Caller author = member(organization(), Role.TEACHER, "author");
    Caller colleague = member(organization(), Role.TEACHER, "colleague");
    String source = upload(author, "Tide pools");
    assertThat(call("DELETE", "/api/v1/sources/" + source, null, "Bearer " + signIn(colleague)).statusCode()).isEqualTo(403);
    assertThat(call("DELETE", "/api/v1/sources/" + source, null, "Bearer " + signIn(member(organization(), Role.STUDENT, "pupil"))).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/sources/" + source).statusCode()).as("still there").isEqualTo(200);
    assertThat(call("DELETE", "/api/v1/sources/" + source, null, "Bearer " + signIn(author)).statusCode()).isEqualTo(204);
    assertThat(get("/api/v1/sources/" + source).statusCode()).isEqualTo(404);

    String another = upload(author, "Coral reefs");
    assertThat(delete("/api/v1/sources/" + another).statusCode()).as("an admin may delete anyone's").isEqualTo(204);
  }

  @Test
  void aBookOfTheWholeLibraryIsDeletedOnlyByAnAdmin() {
    Caller teacher = member(organization(), Role.TEACHER, "librarian");
    var org = organizations.resolve(organization()).id();
    var job = ingestion.ingest(org, null, new ByteArrayInputStream("# Shared book\n\n## Chapter\n\nEveryone's book about volcanoes.\n".getBytes(StandardCharsets.UTF_8)), "shared-book.md", List.of());
    JsonNode done = awaitJob(job.id().toString(), Duration.ofMinutes(2));
    String book = done.path("report").path("sources").get(0).path("sourceId").asString();
    var refused = call("DELETE", "/api/v1/sources/" + book, null, "Bearer " + signIn(teacher));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused).path("detail").asString()).contains("only an administrator");
    assertThat(delete("/api/v1/sources/" + book).statusCode()).isEqualTo(204);
  }
}
