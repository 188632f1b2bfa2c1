package org.vividly.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aProblemWrittenOutsideMvcHasEveryMemberAndItsExtensionsAtTheTop() throws Exception {
    ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests", "Try again in 3 s.");
    problem.setProperty("retryAfterSeconds", 3);
    MockHttpServletResponse response = new MockHttpServletResponse();
    Problems.write(new MockHttpServletRequest("GET", "/api/v1/sources"), response, problem, json);
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode body = json.readTree(response.getContentAsString());
    assertThat(body.path("type").asString()).isEqualTo("https://vividly.org/problems/rate-limited");
    assertThat(body.path("status").asInt()).isEqualTo(429);
    assertThat(body.path("detail").asString()).isEqualTo("Try again in 3 s.");
    assertThat(body.path("instance").asString()).isEqualTo("/api/v1/sources");
    assertThat(body.path("retryAfterSeconds").asInt()).isEqualTo(3);
  }

  @Test
  void aVividlyExceptionKeepsItsTypeAndSaysWhetherToRetry() {
    ProblemDetail problem = Problems.of(new InvalidRequest("The question is empty."));
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getType().toString()).startsWith(Problems.TYPES);
    assertThat(problem.getTitle()).isEqualTo("Invalid Request");
    assertThat(Problems.asMap(problem)).containsEntry("retriable", false).containsEntry("detail", "The question is empty.");
  }
}
