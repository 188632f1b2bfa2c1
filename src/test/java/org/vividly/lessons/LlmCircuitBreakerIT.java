package org.vividly.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.vividly.support.ApiCalls;
import org.vividly.support.FakeOpenAiServer;
import org.vividly.support.OwnServer;
import tools.jackson.databind.JsonNode;

/**
 * An LLM server that keeps failing: lessons still come (from the embedded composer), the circuit
 * opens after repeated failures so the server is no longer called, and Actuator shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LlmCircuitBreakerIT {

  private static final FakeOpenAiServer LLM;

  static {
    try {
      LLM = new FakeOpenAiServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LLM.chatStatus(500);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    OwnServer.register(registry, "breaker");
    registry.add("vividly.lessons.composer", () -> "openai");
    registry.add("vividly.lessons.llm.base-url", LLM::baseUrl);
    registry.add("vividly.resilience.open-for", () -> "10m");
  }

  @AfterAll
  static void stop() {
    LLM.close();
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void aFailingLanguageModelFallsBackThenStopsBeingCalled() {
    RestClient api = ApiCalls.admin("http://localhost:" + port);
    ApiCalls.ingest(api, "/demo/photosynthesis.md");
    for (int i = 0; i < 4; i++) {
      JsonNode lesson = api.post().uri("/api/v1/lessons").contentType(MediaType.APPLICATION_JSON).body(Map.of("question", "How do plants make food from sunlight?")).retrieve().body(JsonNode.class);
      assertThat(lesson.path("inLibrary").asBoolean()).isTrue();
      assertThat(lesson.path("explanation").size()).isPositive();
      assertThat(lesson.path("composer").asString()).as("the lesson names the composer that wrote it").isEqualTo("embedded");
    }
    JsonNode health = api.get().uri("/actuator/health/circuitBreakers").retrieve().body(JsonNode.class);
    assertThat(health.path("details").path("llm").path("state").asString()).isEqualTo("OPEN");
    int calls = LLM.chatRequests.size();
    JsonNode again = api.post().uri("/api/v1/lessons").contentType(MediaType.APPLICATION_JSON).body(Map.of("question", "What does chlorophyll absorb?")).retrieve().body(JsonNode.class);
    assertThat(again.path("inLibrary").asBoolean()).isTrue();
    assertThat(LLM.chatRequests).as("an open circuit sends nothing to the server").hasSize(calls);
  }
}
