package org.vividly.ratelimit.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vividly.ratelimit.RateLimits;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  @Bean(destroyMethod = "close")
  ClosableStore rateLimitStore(RateLimitProperties properties) {
    return switch (properties.store()) {
      case "memory" -> new LocalBucketStore();
      case "redis" -> new RedisBucketStore(properties.redis().url(), properties.redis().keyPrefix());
      default -> throw new IllegalStateException("vividly.rate-limit.store must be memory or redis, was " + properties.store());
    };
  }

  @Bean
  RateLimits rateLimits(RateLimitProperties properties, ClosableStore rateLimitStore) {
    return new RateLimits(properties, rateLimitStore);
  }
}
