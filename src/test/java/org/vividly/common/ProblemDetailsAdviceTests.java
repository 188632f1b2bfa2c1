package org.vividly.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ProblemDetailsAdviceTests {

  private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

  @Test
  void anExhaustedConnectionPoolIsA503WithRetryAfterNotA500() {
    var response = advice.handle(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(response.getBody().getType().toString()).isEqualTo("https://vividly.org/problems/overloaded");
    assertThat(response.getBody().getDetail()).doesNotContain("JDBC");
  }

  @Test
  void vividlyExceptionsCarryTheirRetryAfterAndExtraMembers() {
    var response = advice.handle(new VividlyException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "test", "slow down") {
      @Override
      public long retryAfterSeconds() {
        return 42;
      }

      @Override
      public java.util.Map<String, Object> properties() {
        return java.util.Map.of("remaining", 0);
      }
    });
    assertThat(response.getStatusCode().value()).isEqualTo(429);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("42");
    assertThat(response.getBody().getProperties()).containsEntry("remaining", 0).containsEntry("retryAfterSeconds", 42L);
  }
}
