package org.vividly.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CLI's saved sign-ins, one per server URL, in {@code ~/.config/vividly/credentials.json}
 * (or {@code $VIVIDLY_CREDENTIALS}, or the {@code vividly.credentials} system property), readable by
 * its owner only.
 */
final class Credentials {

  /** A saved sign-in. {@code expiresAt} is when the access token expires. */
  record Saved(String accessToken, String refreshToken, Instant expiresAt, String email) {}

  private Credentials() {}

  static Path file() {
    String configured = System.getProperty("vividly.credentials", System.getenv("VIVIDLY_CREDENTIALS"));
    if (configured != null && !configured.isBlank()) return Path.of(configured);
    return Path.of(System.getProperty("user.home"), ".config", "vividly", "credentials.json");
  }

  static Optional<Saved> load(String server) {
    Path file = file();
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      JsonNode entry = ApiClient.JSON.readTree(Files.readString(file)).path(server);
      if (entry.isMissingNode() || entry.path("access_token").asString("").isBlank()) return Optional.empty();
      return Optional.of(new Saved(entry.path("access_token").asString(), entry.path("refresh_token").asString(), Instant.parse(entry.path("expires_at").asString()), entry.path("email").asString("")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static void save(String server, JsonNode tokens, String email) {
    Path file = file();
    try {
      Files.createDirectories(file.getParent());
      ObjectNode all = Files.isRegularFile(file) ? (ObjectNode) ApiClient.JSON.readTree(Files.readString(file)) : ApiClient.JSON.createObjectNode();
      ObjectNode entry = all.putObject(server);
      entry.put("access_token", tokens.path("access_token").asString());
      entry.put("refresh_token", tokens.path("refresh_token").asString());
      entry.put("expires_at", Instant.now().plusSeconds(tokens.path("expires_in").asLong(900)).toString());
      entry.put("email", email);
      Files.writeString(file, ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the sign-in to " + file + ": " + e.getMessage(), e);
    }
  }

  static void forget(String server) {
    Path file = file();
    if (!Files.isRegularFile(file)) return;
    try {
      ObjectNode all = (ObjectNode) ApiClient.JSON.readTree(Files.readString(file));
      all.remove(server);
      Files.writeString(file, ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
