package org.vividly.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.vividly.support.IntegrationTest;
import org.vividly.support.PageSession;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/**
 * Control characters, bidirectional overrides and broken characters in every text a client can
 * send: each is refused at the edge with 400 and says which field, none reaches the database as a
 * 500, and no answer ever carries SQL or a stack trace. Walks every string field of every JSON and
 * multipart body and every string query parameter of the OpenAPI document, and every text field of
 * the pages' forms.
 */
class HostileInputIT extends IntegrationTest {

  private static final String NUL = "what\u0000glows";
  private static final List<String> INTERNALS = List.of("SQL", "PSQLException", "org.postgresql", "Exception", "\tat org.", "ERROR:");

  @Override
  protected String organization() {
    return "hostile-input-it";
  }

  private static void assertNoInternals(String what, HttpResponse<String> response) {
    for (String internal : INTERNALS) assertThat(response.body()).as(what + " shows " + internal).doesNotContain(internal);
  }

  @Test
  void aNulCharacterInAQuestionIsA400ThatNamesTheFieldNotA500() {
    for (String path : List.of("/api/v1/requests", "/api/v1/lessons")) {
      HttpResponse<String> refused = postJson(path, Map.of("question", NUL, "grade", 7));
      assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(json(refused).path("detail").asString()).contains("question").contains("U+0000");
      assertNoInternals(path, refused);
    }
    String conversation = json(postJson("/api/v1/conversations", Map.of("sourceIds", List.of()))).path("id").asString();
    HttpResponse<String> chat = postJson("/api/v1/conversations/" + conversation + "/messages", Map.of("question", NUL));
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(400);
    HttpResponse<String> streamed = send(HttpRequest.newBuilder(URI.create(url("/api/v1/conversations/" + conversation + "/messages"))).header("Authorization", auth()).header("Content-Type", "application/json")
        .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", NUL)))).build());
    assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(400);
    assertNoInternals("the chat stream", streamed);
    HttpResponse<String> collection = postJson("/api/v1/collections", Map.of("name", "Fine", "description", "a\u0000b"));
    assertThat(collection.statusCode()).isEqualTo(400);
    assertThat(json(collection).path("detail").asString()).startsWith("description");
  }

  @Test
  void bidirectionalOverridesAreRefusedInQuestionsAndNames() {
    assertThat(postJson("/api/v1/requests", Map.of("question", "Why is \u202Eeulb yks eht?")).statusCode()).isEqualTo(400);
    Caller student = member(organization(), Role.STUDENT, "bidi-student");
    HttpResponse<String> renamed = call("PATCH", "/api/v1/users/" + student.userId(), Map.of("displayName", "Ada\u202Enimda"), auth());
    assertThat(renamed.statusCode()).isEqualTo(400);
    assertThat(accounts.get(student.organization(), student.userId()).displayName()).isEqualTo("bidi-student");
  }

  @Test
  void theAskFormAnswersARefusedQuestionWith400AndAReadablePage() {
    Caller student = member(organization(), Role.STUDENT, "form-student");
    PageSession pages = PageSession.signIn(url(""), student.email(), PASSWORD);
    pages.get("/");
    HttpResponse<String> refused = pages.post("/lessons", Map.of("question", NUL, "grade", "7"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(Jsoup.parse(refused.body()).text()).contains("question").contains("control character");
    assertNoInternals("the ask form", refused);
  }

  /** Every string field of every JSON or multipart body, and every string query parameter, in the OpenAPI document. */
  @Test
  void everyTextFieldOfTheApiRefusesControlCharactersWithA4xx() throws Exception {
    JsonNode openApi = json(get("/v3/api-docs"));
    JsonNode schemas = openApi.path("components").path("schemas");
    List<String> walked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (var path : openApi.path("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        String method = operation.getKey().toUpperCase();
        String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (concrete.contains("/auth/logout")) continue;
        for (JsonNode parameter : operation.getValue().path("parameters")) {
          if (!parameter.path("in").asString().equals("query") || !parameter.path("schema").path("type").asString().equals("string")) continue;
          String name = parameter.path("name").asString();
          Answer response = Answer.of(call(method, concrete + "?" + name + "=" + URLEncoder.encode(NUL, StandardCharsets.UTF_8), method.equals("GET") || method.equals("DELETE") ? null : Map.of(), auth()));
          check(method + " " + concrete + " ?" + name, response, walked, failures);
        }
        JsonNode content = operation.getValue().path("requestBody").path("content");
        for (var type : content.properties()) {
          JsonNode schema = resolve(type.getValue().path("schema"), schemas);
          for (var property : schema.path("properties").properties()) {
            JsonNode field = resolve(property.getValue(), schemas);
            boolean text = field.path("type").asString().equals("string") && !field.path("format").asString().equals("binary") && !field.path("format").asString().equals("uuid")
                && !field.path("format").asString().startsWith("date");
            boolean texts = field.path("type").asString().equals("array") && field.path("items").path("type").asString().equals("string") && field.path("items").path("format").isMissingNode();
            if (!text && !texts) continue;
            Object value = texts ? List.of(NUL) : NUL;
            Answer response = type.getKey().startsWith("multipart/") ? multipart(method, concrete, property.getKey(), NUL) : Answer.of(call(method, concrete, Map.of(property.getKey(), value), auth()));
            check(method + " " + concrete + " " + property.getKey(), response, walked, failures);
          }
        }
      }
    }
    assertThat(walked).as("the walk covered the API's text fields").hasSizeGreaterThan(40);
    assertThat(failures).as(String.join("\n", walked)).isEmpty();
  }

  /** Every text field of the forms on the pages a teacher and an admin use. */
  @Test
  void everyTextFieldOfThePagesFormsRefusesControlCharacters() {
    PageSession pages = PageSession.signIn(url(""), member(organization(), Role.ORG_ADMIN, "form-admin").email(), PASSWORD);
    List<String> walked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (String page : List.of("/", "/my", "/search", "/sources", "/videos", "/collections", "/conversations", "/teach", "/admin")) {
      HttpResponse<String> shown = pages.get(page);
      assertThat(shown.statusCode()).as(page).isEqualTo(200);
      for (Element form : Jsoup.parse(shown.body()).select("form[method=post]")) {
        String action = form.attr("action");
        if (action.isBlank() || action.contains("logout") || form.attr("enctype").startsWith("multipart")) continue;
        for (Element field : form.select("input[type=text], input[type=search], input[type=email], input:not([type]), textarea")) {
          Map<String, String> values = new LinkedHashMap<>();
          for (Element other : form.select("input[name], textarea[name], select[name]")) {
            if (!other.attr("type").equals("checkbox") && !other.attr("name").equals("_csrf")) values.put(other.attr("name"), other.is("select") ? other.select("option").attr("value") : other.val().isEmpty() ? "x" : other.val());
          }
          values.put(field.attr("name"), NUL);
          pages.get(page);
          HttpResponse<String> response = pages.post(action, values);
          String what = "POST " + action + " " + field.attr("name") + " (on " + page + ")";
          walked.add(what + " -> " + response.statusCode());
          if (response.statusCode() != 400) failures.add(what + " answered " + response.statusCode());
          for (String internal : INTERNALS) if (response.body().contains(internal)) failures.add(what + " shows " + internal);
        }
      }
    }
    assertThat(walked).as("the walk covered the forms").hasSizeGreaterThan(8);
    assertThat(failures).as(String.join("\n", walked)).isEmpty();
  }

  private static void check(String what, Answer response, List<String> walked, List<String> failures) {
    walked.add(what + " -> " + response.status());
    int status = response.status();
    if (status >= 500) failures.add(what + " failed with " + status + ": " + response.body());
    else if (status < 400) failures.add(what + " accepted the control character (" + status + ")");
    else if (status == 400 && !response.body().contains("control character")) failures.add(what + " answered 400 without naming the control character: " + response.body());
    for (String internal : INTERNALS) if (response.body().contains(internal)) failures.add(what + " shows " + internal);
  }

  private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
    String ref = schema.path("$ref").asString("");
    return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring("#/components/schemas/".length())) : schema;
  }

  /** A multipart call with one text field (and a small file, for endpoints that need one): status and body. */
  private Answer multipart(String method, String path, String field, String value) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(field, value);
    parts.add("file", new ByteArrayResource("# A\n\n## B\n\nText.\n".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "note.md";
      }
    });
    var entity = RestClient.create(url("")).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).header("Authorization", auth()).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .retrieve().onStatus(s -> true, (request, response) -> {}).toEntity(String.class);
    return new Answer(entity.getStatusCode().value(), entity.getBody() == null ? "" : entity.getBody());
  }

  record Answer(int status, String body) {
    static Answer of(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.body());
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
