package org.vividly.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vividly.support.CnxmlBook;
import org.vividly.support.IntegrationTest;
import org.vividly.support.Zip;
import tools.jackson.databind.JsonNode;

/** Ingestion through the REST API, on real PostgreSQL: good files, bad files, re-ingestion, search, deletion. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryApiIT extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @TempDir static Path dir;

  @Override
  protected String organization() {
    return "library-it";
  }

  static byte[] upload(CnxmlBook book) throws Exception {
    Path root = Files.createTempDirectory(dir, "book");
    book.writeTo(root.resolve("book"));
    Map<String, byte[]> entries = Zip.folder(root, new LinkedHashMap<>());
    entries.put("notes/gravity.md", "# Gravity Notes\n\n## Falling\n\nA dropped stone speeds up as it falls because gravity pulls it.\n".getBytes(StandardCharsets.UTF_8));
    entries.put("notes/page.html", "<html><head><title>Inertia Page</title></head><body><h1>Inertia</h1><p>Inertia is the tendency of an object to keep moving.</p></body></html>".getBytes(StandardCharsets.UTF_8));
    entries.put("notes/empty.txt", new byte[0]);
    entries.put("notes/data.xyz", "??".getBytes(StandardCharsets.UTF_8));
    entries.put("notes/corrupt.pdf", "this is not a PDF at all".getBytes(StandardCharsets.UTF_8));
    return Zip.of(entries);
  }

  static CnxmlBook bookWithABrokenModule() {
    CnxmlBook book = CnxmlBook.sample().chapter("Broken", "m9");
    book.rawModule("m9", "<document><content><para>unclosed</content>");
    return book;
  }

  @Test
  @Order(1)
  void ingestsGoodFilesAndNamesEveryBadOneWithItsReason() throws Exception {
    JsonNode job = ingest("upload.zip", upload(bookWithABrokenModule()));
    assertThat(job.path("status").asString()).isEqualTo("succeeded");
    JsonNode report = job.path("report");
    assertThat(report.path("sources").findValuesAsString("title")).containsExactlyInAnyOrder("Test Physics", "Gravity Notes", "Inertia Page");
    Map<String, String> skipped = new LinkedHashMap<>();
    report.path("skipped").forEach(s -> skipped.put(s.path("file").asString(), s.path("reason").asString()));
    assertThat(skipped).containsEntry("notes/empty.txt", "the file is empty");
    assertThat(skipped.get("notes/data.xyz")).startsWith("unknown format");
    assertThat(skipped.get("notes/corrupt.pdf")).startsWith("cannot parse the PDF file");
    assertThat(skipped.get("modules/m9/index.cnxml")).startsWith("broken XML");
    assertThat(job.path("sectionsDone").asInt()).isEqualTo(job.path("sectionsTotal").asInt());
    assertThat(job.path("chunksDone").asInt()).isEqualTo(job.path("chunksTotal").asInt()).isEqualTo(report.path("chunks").asInt()).isPositive();
  }

  @Test
  @Order(2)
  void ingestingTheSameUploadAgainAddsNothing() throws Exception {
    long chunksBefore = chunkCount();
    JsonNode job = ingest("upload.zip", upload(bookWithABrokenModule()));
    assertThat(job.path("report").path("chunks").asInt()).isZero();
    assertThat(chunkCount()).isEqualTo(chunksBefore);
  }

  @Test
  @Order(3)
  void reingestingAChangedBookReembedsOnlyTheChangedSection() throws Exception {
    CnxmlBook changed = bookWithABrokenModule().module("m2", "Acceleration", "<para id=\"p3\">Acceleration is how fast velocity changes. Free fall has an acceleration of 9.8 m/s<sup>2</sup>.</para>");
    JsonNode job = ingest("upload.zip", upload(changed));
    JsonNode book = null;
    for (JsonNode s : job.path("report").path("sources")) if (s.path("title").asString().equals("Test Physics")) book = s;
    assertThat(book.path("sectionsChanged").asInt()).isEqualTo(1);
    assertThat(book.path("chunksAdded").asInt()).isEqualTo(1);
    JsonNode hits = json(get("/api/v1/search?q=free%20fall&k=3&mode=BM25")).path("hits");
    assertThat(hits.get(0).path("text").asString()).contains("Free fall");
    assertThat(hits.get(0).path("location").asString()).isEqualTo("Test Physics > Motion > Acceleration");
  }

  @Test
  @Order(4)
  void searchReturnsScoresAndCitationsAndStaysInsideTheOrganization() {
    JsonNode result = json(get("/api/v1/search?q=average%20speed%20of%20a%20marble&k=5"));
    JsonNode top = result.path("hits").get(0);
    assertThat(top.path("kind").asString()).isEqualTo("example");
    assertThat(top.path("sourceTitle").asString()).isEqualTo("Test Physics");
    assertThat(top.path("score").asDouble()).isPositive();
    JsonNode passage = json(get("/api/v1/passages/" + top.path("passageId").asLong()));
    assertThat(passage.path("text").asString()).contains("A marble rolls 5.2 m");

    var foreign = http(get("/api/v1/passages/" + top.path("passageId").asLong()), "someone-else");
    assertThat(foreign).isEqualTo(404);
  }

  private int http(java.net.http.HttpResponse<String> ignored, String org) {
    try {
      return this.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(ignored.uri().getPath()))).header("Authorization", auth(org)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(5)
  void sourcesListTheirTableOfContents() {
    JsonNode sources = json(get("/api/v1/sources"));
    JsonNode book = null;
    for (JsonNode s : sources) if (s.path("title").asString().equals("Test Physics")) book = s;
    assertThat(book.path("sections").asInt()).isEqualTo(3);
    JsonNode detail = json(get("/api/v1/sources/" + book.path("id").asString()));
    assertThat(detail.path("sections").findValuesAsString("title")).containsExactly("Speed", "Acceleration", "Newton's First Law");
    assertThat(detail.path("sections").get(0).path("chunks").asInt()).isPositive();
    var sectionPage = get("/sections/" + detail.path("sections").get(0).path("id").asString());
    assertThat(sectionPage.statusCode()).isEqualTo(200);
    assertThat(sectionPage.body()).contains("Speed is the rate at which an object changes its location.").contains("A marble rolls 5.2 m in 1.8 s.");
    assertThat(sectionPage.body().indexOf("Speed is the rate")).isLessThan(sectionPage.body().indexOf("A marble rolls"));
  }

  @Test
  @Order(6)
  void badRequestsGetProblemDetails() {
    var missing = get("/api/v1/passages/999999999");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    assertThat(json(missing).path("type").asString()).isEqualTo("https://vividly.org/problems/not-found");

    var emptyQuestion = postJson("/api/v1/lessons", Map.of("question", " ", "grade", 9));
    assertThat(emptyQuestion.statusCode()).isEqualTo(400);
    assertThat(json(emptyQuestion).path("detail").asString()).isEqualTo("The question is empty.");

    var badGrade = postJson("/api/v1/lessons", Map.of("question", "What is speed?", "grade", 40));
    assertThat(badGrade.statusCode()).isEqualTo(400);

    var badK = get("/api/v1/search?q=speed&k=0");
    assertThat(badK.statusCode()).isEqualTo(400);
    assertThat(json(badK).path("detail").asString()).contains("k must be between 1 and 1000");
  }

  @Test
  @Order(7)
  void theIndexCanBeRebuiltFromTheDatabase() {
    long before = json(get("/api/v1/search?q=marble&k=5&mode=BM25")).path("hits").size();
    var response = send("/api/v1/index/rebuild");
    JsonNode job = awaitJob(json(response).path("id").asString(), java.time.Duration.ofMinutes(2));
    assertThat(job.path("status").asString()).isEqualTo("succeeded");
    assertThat(job.path("report").path("chunks").asInt()).isPositive();
    assertThat(json(get("/api/v1/search?q=marble&k=5&mode=BM25")).path("hits").size()).isEqualTo(before).isPositive();
  }

  @Test
  @Order(8)
  void jobProgressStreamsAsServerSentEventsUntilDone() throws Exception {
    var response = send("/api/v1/index/rebuild");
    String id = json(response).path("id").asString();
    var stream = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/jobs/" + id + "/events"))).header("Authorization", auth()).header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    assertThat(stream.body()).contains("event:done").contains("\"status\":\"succeeded\"");
  }

  @Test
  @Order(8)
  void theOpenApiDocumentDescribesTheApi() {
    String doc = get("/v3/api-docs").body();
    assertThat(doc).contains("/api/v1/lessons", "/api/v1/search", "/api/v1/ingestions", "/api/v1/sources/{id}", "/api/v1/jobs/{id}", "/api/v1/evaluations/retrieval");
  }

  @Test
  @Order(9)
  void deletingASourceRemovesItFromTheDatabaseAndTheIndex() {
    JsonNode sources = json(get("/api/v1/sources"));
    String id = null;
    for (JsonNode s : sources) if (s.path("title").asString().equals("Inertia Page")) id = s.path("id").asString();
    assertThat(delete("/api/v1/sources/" + id).statusCode()).isEqualTo(204);
    assertThat(json(get("/api/v1/search?q=tendency%20of%20an%20object%20to%20keep%20moving&k=10")).path("hits").findValuesAsString("sourceTitle")).doesNotContain("Inertia Page");
    assertThat(jdbc.sql("SELECT count(*) FROM chunk WHERE source_id = ?::uuid").param(id).query(Long.class).single()).isZero();
    assertThat(delete("/api/v1/sources/" + id).statusCode()).isEqualTo(404);
  }

  private java.net.http.HttpResponse<String> send(String path) {
    try {
      return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).header("Authorization", auth()).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long chunkCount() {
    return jdbc.sql("SELECT count(*) FROM chunk c JOIN organization o ON o.id = c.organization_id WHERE o.slug = ?").param(organization()).query(Long.class).single();
  }
}
