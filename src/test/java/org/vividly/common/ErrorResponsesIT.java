package org.vividly.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vividly.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Errors nobody's controller answered are Problem Details on the API and readable pages elsewhere; the OpenAPI document names each body once. */
class ErrorResponsesIT extends IntegrationTest {

  @Override
  protected String organization() {
    return "error-responses-it";
  }

  /** The raw answer to a request written byte for byte (java.net.http normalizes paths and headers). */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUnknownApiPathIsA404ProblemDetails() {
    HttpResponse<String> response = get("/api/v1/no-such-thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("type").asString()).isEqualTo("https://vividly.org/problems/not-found");
  }

  @Test
  void aMediaTypeNoEndpointTakesIsA415ProblemDetails() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/v1/requests"))).header("Authorization", auth()).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("question")).build());
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void anEncodedSlashIsAProblemDetailsNotTomcatsHtmlPage() throws IOException {
    String answer = raw("GET /api/v1/sources/a%2Fb HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth() + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 4");
    assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json").doesNotContain("<html").doesNotContain("Apache Tomcat");
  }

  @Test
  void anUnknownPageIsAReadable404Page() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/no-such-page"))).header("Accept", "text/html").GET().build());
    assertThat(response.statusCode()).isIn(302, 404);
    HttpResponse<String> signedIn = org.vividly.support.PageSession.signIn(url(""), member(organization(), org.vividly.tenancy.Role.TEACHER, "page-reader").email(), PASSWORD).get("/no-such-page");
    assertThat(signedIn.statusCode()).isEqualTo(404);
    assertThat(signedIn.body()).contains("Not found").doesNotContain("Whitelabel");
  }

  @Test
  void theOpenApiDocumentDescribesEachBodyWithItsOwnSchema() {
    JsonNode openApi = json(get("/v3/api-docs"));
    JsonNode schemas = openApi.path("components").path("schemas");
    String requestBody = openApi.path("paths").path("/api/v1/requests").path("post").path("requestBody").path("content").path("application/json").path("schema").path("$ref").asString();
    JsonNode request = schemas.path(requestBody.substring(requestBody.lastIndexOf('/') + 1));
    assertThat(request.path("properties").has("question")).as(request.toString()).isTrue();
    assertThat(request.path("properties").has("modalities")).isTrue();
    assertThat(request.path("properties").has("email")).isFalse();
    String userBody = openApi.path("paths").path("/api/v1/users").path("post").path("requestBody").path("content").path("application/json").path("schema").path("$ref").asString();
    assertThat(schemas.path(userBody.substring(userBody.lastIndexOf('/') + 1)).path("properties").has("email")).isTrue();
  }

  @Test
  void resetAndInvitationLinksIgnoreTheHostTheCallerSent() throws IOException {
    var student = member(organization(), org.vividly.tenancy.Role.STUDENT, "host-header-student");
    String body = JSON.writeValueAsString(Map.of("email", student.email()));
    String answer = raw("POST /api/v1/auth/password-reset HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n" + body);
    assertThat(answer).startsWith("HTTP/1.1 202");
    assertThat(emailsSentTo(student.email())).as("the emailed link").hasSize(1).allSatisfy(link -> assertThat(link).startsWith("http://localhost:" + port + "/password-reset/").doesNotContain("evil"));

    String invite = JSON.writeValueAsString(Map.of("email", "invited-" + System.nanoTime() + "@error-responses-it.test", "displayName", "Invited", "role", "teacher"));
    String created = raw("POST /api/v1/users HTTP/1.1\r\nHost: evil.example\r\nAuthorization: " + auth() + "\r\nContent-Type: application/json\r\nContent-Length: " + invite.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + invite);
    assertThat(created).startsWith("HTTP/1.1 201").contains("\"invitationUrl\":\"http://localhost:" + port + "/invitations/").doesNotContain("evil.example/");
  }

  /** The links of the emails sent to {@code email}, read back from the outbox (no mail server is configured in tests). */
  private java.util.List<String> emailsSentTo(String email) {
    return org.vividly.support.SentEmails.linksTo(email);
  }
}
