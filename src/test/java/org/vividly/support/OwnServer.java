package org.vividly.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For a test with an application context of its own (other settings than {@link IntegrationTest}'s):
 * a database and data folder of its own too, so no other context's render worker picks its work
 * and no two contexts share a search-index lock; rate limits off, since tests poll fast.
 */
public final class OwnServer {

  /** Password of the super admin {@code admin@vividly.local} that every test server creates. */
  public static final String ADMIN_PASSWORD = "test-admin-password";

  private OwnServer() {}

  public static void register(DynamicPropertyRegistry registry, String name) {
    String database = TestDatabase.create("vividly_" + name + "_" + Long.toHexString(System.nanoTime()));
    try {
      String data = Files.createTempDirectory("vividly-" + name + "-").toString();
      registry.add("vividly.storage.data-dir", () -> data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("spring.datasource.url", () -> database);
    registry.add("spring.datasource.username", () -> "postgres");
    // Cached test contexts each keep a pool open; small idle pools keep all of them under the
    // database server's connection limit.
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
    registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    registry.add("vividly.rate-limit.enabled", () -> "false");
    registry.add("vividly.security.bcrypt-strength", () -> "4");
    registry.add("vividly.rate-limit.sign-in-attempts-per-ip", () -> "1000");
    registry.add("vividly.security.admin-password", () -> ADMIN_PASSWORD);
  }
}
