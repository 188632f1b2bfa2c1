package org.vividly.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on a fresh database of the
 * real PostgreSQL server, with its search index in a temporary folder. All subclasses share one
 * application context; each test class works in an organization of its own.
 */
public abstract class IntegrationTest extends ServerTest {

  private static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("vividly-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
    registry.add("vividly.storage.data-dir", DATA::toString);
    // These tests call the API far faster than a person; RateLimitRedisIT tests the limits.
    registry.add("vividly.rate-limit.enabled", () -> "false");
    registry.add("vividly.security.bcrypt-strength", () -> "4");
    // Every test signs in from 127.0.0.1; SignInIT checks the per-address lock with addresses of its own.
    registry.add("vividly.rate-limit.sign-in-attempts-per-ip", () -> "1000");
    registry.add("vividly.security.access-token-lifetime", () -> "3h");
    registry.add("vividly.security.admin-password", () -> OwnServer.ADMIN_PASSWORD);
  }
}
