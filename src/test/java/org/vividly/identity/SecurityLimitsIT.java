package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vividly.support.OwnServer;
import org.vividly.support.PageSession;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits switched on, behind a proxy the server trusts (loopback): a school's refreshes are
 * counted per sign-in session, not against its one address; refused questions do not use up the
 * hour's questions, on the API or the ask page; and the client address is the one the proxy saw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityLimitsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "correct horse battery";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    OwnServer.register(registry, "security_limits");
    registry.add("vividly.rate-limit.enabled", () -> "true");
    registry.add("vividly.rate-limit.api-per-minute", () -> "20");
    registry.add("vividly.rate-limit.content-requests-per-hour", () -> "3");
    registry.add("vividly.rate-limit.sign-in-attempts-per-ip", () -> "100");
    registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
  }

  @Value("${local.server.port}")
  int port;

  @Autowired Organizations organizations;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  private Account person(Role role) {
    Organization org = organizations.findBySlug("limits").orElseGet(() -> organizations.resolve("limits"));
    String name = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8);
    return accounts.create(org.id(), new NewAccount(name + "@limits.test", name, role, null, 8, PASSWORD, List.of()));
  }

  private HttpResponse<String> post(String path, Object body, String forwardedFor, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (forwardedFor != null) request.header("X-Forwarded-For", forwardedFor);
    if (token != null) request.header("Authorization", "Bearer " + token);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode signIn(Account who, String forwardedFor) throws Exception {
    HttpResponse<String> response = post("/api/v1/auth/token", Map.of("email", who.email(), "password", PASSWORD), forwardedFor, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void aSchoolBehindOneAddressRefreshesManySessionsWithoutBeingRefused() throws Exception {
    List<String> refreshTokens = new ArrayList<>();
    for (int i = 0; i < 30; i++) refreshTokens.add(signIn(person(Role.STUDENT), "203.0.113.10").path("refresh_token").asString());
    for (String refresh : refreshTokens) {
      HttpResponse<String> refreshed = post("/api/v1/auth/refresh", Map.of("refresh_token", refresh), "203.0.113.10", null);
      assertThat(refreshed.statusCode()).as("30 students behind one address refresh (the per-address limit is 20 a minute): " + refreshed.body()).isEqualTo(200);
    }
  }

  @Test
  void theClientAddressIsTheOneTheTrustedProxySaw() throws Exception {
    Account student = person(Role.STUDENT);
    signIn(student, "203.0.113.50");
    assertThat(jdbc.sql("SELECT ip FROM auth_session WHERE user_id = ?").param(student.id()).query(String.class).list()).containsExactly("203.0.113.50");
    for (int i = 0; i < 5; i++) assertThat(post("/api/v1/auth/token", Map.of("email", student.email(), "password", "guess " + i), "198.51.100.7", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/auth/token", Map.of("email", student.email(), "password", PASSWORD), "198.51.100.7", null).statusCode()).as("locked from the guesser's address").isEqualTo(429);
    assertThat(post("/api/v1/auth/token", Map.of("email", student.email(), "password", PASSWORD), "198.51.100.8", null).statusCode()).as("not from the student's").isEqualTo(200);
  }

  @Test
  void refusedQuestionsDoNotUseUpTheHoursQuestions() throws Exception {
    String token = signIn(person(Role.STUDENT), null).path("access_token").asString();
    List<Map<String, Object>> bad = List.of(Map.of("question", " "), Map.of("question", "What is speed?", "grade", 40), Map.of("question", "what\u0000is speed"), Map.of("question", "Speed?", "modalities", List.of("hologram")));
    for (Map<String, Object> body : bad) assertThat(post("/api/v1/requests", body, null, token).statusCode()).as(body.toString()).isEqualTo(400);
    HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/requests")).header("Authorization", "Bearer " + token).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("What is speed?")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(415);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> asked = post(i == 2 ? "/api/v1/lessons" : "/api/v1/requests", Map.of("question", "What is speed? " + i), null, token);
      assertThat(asked.statusCode()).as("question " + (i + 1) + " of 3: " + asked.body()).isEqualTo(201);
    }
    HttpResponse<String> refused = post("/api/v1/requests", Map.of("question", "What is speed? again"), null, token);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(refused.body()).path("type").asString()).isEqualTo("https://vividly.org/problems/rate-limited");
    JsonNode quota = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me/quota")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(quota.path("text").path("used").asInt()).as("the three accepted questions, POST /api/v1/lessons among them, took quota; the refused one did not").isEqualTo(3);
  }

  @Test
  void theAskFormOverTheLimitAnswers429WithTheMessageInThePage() throws Exception {
    Account student = person(Role.STUDENT);
    PageSession pages = PageSession.signIn("http://127.0.0.1:" + port, student.email(), PASSWORD);
    pages.get("/");
    assertThat(pages.post("/lessons", Map.of("question", " ", "grade", "7")).statusCode()).as("a refused question").isEqualTo(400);
    for (int i = 0; i < 3; i++) assertThat(pages.post("/lessons", Map.of("question", "What is friction? " + i, "grade", "7")).statusCode()).isEqualTo(200);
    HttpResponse<String> over = pages.post("/lessons", Map.of("question", "What is friction? again", "grade", "7"));
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.headers().firstValue("Retry-After")).isPresent();
    assertThat(over.body()).contains("Too many content requests");
  }
}
