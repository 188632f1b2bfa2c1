package org.vividly.common;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Circuit breakers (Resilience4j) around external engines: the LLM server and speech servers. A
 * breaker opens when half of the last 10 calls (at least 4) failed, stays open for
 * {@code vividly.resilience.open-for} (30 s by default) while callers use their embedded fallback,
 * then lets one probe call through (half-open). States show at {@code /actuator/health/circuitBreakers}
 * and as the {@code resilience4j.circuitbreaker.state} metric.
 */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry(@Value("${vividly.resilience.open-for:30s}") Duration openFor, MeterRegistry meters) {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowSize(10)
        .minimumNumberOfCalls(4)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    return registry;
  }

  @Bean("circuitBreakers")
  HealthIndicator circuitBreakersHealth(CircuitBreakerRegistry registry) {
    return () -> {
      Map<String, Object> states = new TreeMap<>();
      registry.getAllCircuitBreakers().forEach(b -> states.put(b.getName(), Map.of(
          "state", b.getState().name(),
          "failureRate", b.getMetrics().getFailureRate(),
          "bufferedCalls", b.getMetrics().getNumberOfBufferedCalls())));
      // An open breaker means a fallback is serving, not that Vividly is down.
      return Health.up().withDetails(states).build();
    };
  }
}
