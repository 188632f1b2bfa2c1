package org.vividly.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vividly.ratelimit.internal.RateLimitProperties;

class RateLimitsTests {

  static RateLimits inMemory(boolean enabled, long perMinute, long perHour, long questions) throws Exception {
    var properties = new RateLimitProperties(enabled, "memory", new RateLimitProperties.Redis("redis://127.0.0.1:6379", "t:"), perMinute, perHour, questions, 5, 100, Duration.ofMinutes(15), 20, Duration.ofSeconds(2), 3);
    Class<?> local = Class.forName("org.vividly.ratelimit.internal.LocalBucketStore");
    Constructor<?> c = local.getDeclaredConstructor();
    c.setAccessible(true);
    return new RateLimits(properties, (RateLimits.Store) c.newInstance());
  }

  @Test
  void allowsTheLimitThenRefusesWithWhenToRetry() throws Exception {
    RateLimits limits = inMemory(true, 60, 1000, 10);
    for (int i = 0; i < 60; i++) {
      RateLimitDecision d = limits.consume(RateLimit.API, "ip:1");
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(59 - i);
    }
    RateLimitDecision refused = limits.consume(RateLimit.API, "ip:1");
    assertThat(refused.allowed()).isFalse();
    // Greedy refill gives one call back each second.
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
    assertThat(refused.policy()).isEqualTo("60;w=60, 1000;w=3600");
    assertThat(limits.consume(RateLimit.API, "ip:2").allowed()).as("another client has its own bucket").isTrue();
  }

  @Test
  void theHourlyWindowBindsWhenItIsTighter() throws Exception {
    RateLimits limits = inMemory(true, 60, 3, 10);
    for (int i = 0; i < 3; i++) assertThat(limits.consume(RateLimit.API, "ip:1").allowed()).isTrue();
    RateLimitDecision refused = limits.consume(RateLimit.API, "ip:1");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isGreaterThan(60);
  }

  @Test
  void contentRequestsHaveTheirOwnHourlyLimit() throws Exception {
    RateLimits limits = inMemory(true, 60, 1000, 10);
    for (int i = 0; i < 10; i++) limits.require(RateLimit.CONTENT_REQUESTS, "ip:1");
    assertThatThrownBy(() -> limits.require(RateLimit.CONTENT_REQUESTS, "ip:1"))
        .isInstanceOf(RateLimitExceeded.class)
        .hasMessageContaining("Too many content requests")
        .satisfies(e -> assertThat(((RateLimitExceeded) e).retryAfterSeconds()).isBetween(300L, 400L));
    assertThat(limits.consume(RateLimit.API, "ip:1").allowed()).isTrue();
  }

  @Test
  void disabledLimitsAllowEverything() throws Exception {
    RateLimits limits = inMemory(false, 1, 1, 1);
    for (int i = 0; i < 100; i++) assertThat(limits.consume(RateLimit.API, "ip:1").allowed()).isTrue();
  }
}
