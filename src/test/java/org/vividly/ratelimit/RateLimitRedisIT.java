package org.vividly.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vividly.VividlyApplication;
import org.vividly.support.ApiCalls;
import org.vividly.support.OwnServer;
import org.vividly.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two servers on one Redis (the machine's, 127.0.0.1:6379) share one API limit; each call carries
 * the RateLimit headers and the refused one gets 429, Retry-After and Problem Details.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitRedisIT {

  private final List<ConfigurableApplicationContext> servers = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Integer> ports = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    String database = TestDatabase.create("vividly_ratelimit_" + Long.toHexString(System.nanoTime()));
    String prefix = "vividly-test:" + UUID.randomUUID() + ":";
    for (int i = 0; i < 2; i++) {
      var context = new SpringApplicationBuilder(VividlyApplication.class).run(
          "--server.port=0",
          "--spring.datasource.url=" + database,
          "--spring.datasource.username=postgres",
          "--vividly.storage.data-dir=" + java.nio.file.Files.createTempDirectory("vividly-ratelimit-"),
          "--vividly.rate-limit.store=redis",
          "--vividly.rate-limit.redis.key-prefix=" + prefix,
          "--vividly.rate-limit.api-per-minute=6",
          "--vividly.rate-limit.api-per-hour=100",
          "--vividly.security.bcrypt-strength=4",
          "--vividly.rate-limit.sign-in-attempts-per-ip=1000",
          "--vividly.security.admin-password=" + OwnServer.ADMIN_PASSWORD);
      servers.add(context);
      ports.add(((WebServerApplicationContext) context).getWebServer().getPort());
    }
  }

  @AfterAll
  void stop() {
    servers.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void serversSharingRedisEnforceOneLimit() throws Exception {
    // Sign-in has its own limit (failed tries), not the API's.
    token = ApiCalls.signIn("http://localhost:" + ports.get(0), "admin@vividly.local", OwnServer.ADMIN_PASSWORD);
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> ok = get(ports.get(i % 2), "/api/v1/sources");
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      assertThat(ok.headers().firstValue("RateLimit-Limit")).hasValue("6");
      assertThat(ok.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(5 - i));
      assertThat(ok.headers().firstValue("RateLimit-Policy")).hasValue("6;w=60, 100;w=3600");
    }
    HttpResponse<String> refused = get(ports.get(0), "/api/v1/sources");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 11L));
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
    assertThat(problem.path("type").asString()).isEqualTo("https://vividly.org/problems/rate-limited");
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("detail").asString()).contains("Too many API calls");
    assertThat(get(ports.get(1), "/api/v1/sources").statusCode()).as("the other server refuses too").isEqualTo(429);
    // Pages and media files (players fetch in many range requests) are not API calls.
    assertThat(get(ports.get(1), "/").statusCode()).isIn(200, 302);
    assertThat(get(ports.get(1), "/api/v1/requests/" + UUID.randomUUID() + "/files/lesson.mp4").statusCode()).isEqualTo(404);
  }

  @Test
  void aLockedAccountIsLockedOnEveryServer() throws Exception {
    String email = "nobody-" + UUID.randomUUID() + "@example.org";
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(ports.get(i % 2), email, "wrong password " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = signIn(ports.get(1), email, "wrong password 6");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("locked after too many failed sign-ins");
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(signIn(ports.get(0), email, "wrong password 7").statusCode()).isEqualTo(429);
  }

  private String token;

  private HttpResponse<String> signIn(int port, String email, String password) throws Exception {
    String body = JsonMapper.builder().build().writeValueAsString(java.util.Map.of("email", email, "password", password));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (token != null) request.header("Authorization", "Bearer " + token);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
