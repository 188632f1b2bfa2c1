package org.vividly.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@link ApiClient#postPatiently}: waits out a short rate limit, never a spent quota. */
class ApiClientRetryTests {

  HttpServer server;
  final AtomicInteger calls = new AtomicInteger();
  volatile String retryAfter = "1";

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/lessons", exchange -> {
      exchange.getRequestBody().readAllBytes();
      boolean limited = calls.incrementAndGet() == 1;
      byte[] body = (limited ? "{\"detail\":\"Too many requests\"}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", limited ? "application/problem+json" : "application/json");
      if (limited && retryAfter != null) exchange.getResponseHeaders().add("Retry-After", retryAfter);
      exchange.sendResponseHeaders(limited ? 429 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ApiClient client() {
    return new ApiClient("http://127.0.0.1:" + server.getAddress().getPort(), null);
  }

  @Test
  void aShortRetryAfterIsWaitedOutAndTheCallRepeated() {
    JsonNode answer = client().postPatiently("/api/v1/lessons", Map.of("question", "q"), JsonNode.class, 3);
    assertThat(answer.path("ok").asBoolean()).isTrue();
    assertThat(calls).hasValue(2);
  }

  @Test
  void aTooManyRequestsWithoutAShortRetryAfterFailsAtOnce() {
    retryAfter = null;
    assertThatThrownBy(() -> client().postPatiently("/api/v1/lessons", Map.of("question", "q"), JsonNode.class, 3)).hasMessageContaining("Too many requests").hasMessageContaining("429");
    assertThat(calls).hasValue(1);
    retryAfter = "86400";
    calls.set(0);
    assertThatThrownBy(() -> client().postPatiently("/api/v1/lessons", Map.of("question", "q"), JsonNode.class, 3)).hasMessageContaining("429");
    assertThat(calls).hasValue(1);
  }
}
