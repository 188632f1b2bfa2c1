package org.vividly.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** API calls for tests that run a server of their own instead of extending {@link IntegrationTest}. */
public final class ApiCalls {

  private ApiCalls() {}

  /** Signs in over HTTP and returns the access token. */
  public static String signIn(String baseUrl, String email, String password) {
    return RestClient.create(baseUrl).post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
        .body(java.util.Map.of("email", email, "password", password)).retrieve().body(JsonNode.class).path("access_token").asString();
  }

  /** A client of the server at {@code baseUrl} signed in as its super admin (see {@link OwnServer#ADMIN_PASSWORD}). */
  public static RestClient admin(String baseUrl) {
    String token = signIn(baseUrl, "admin@vividly.local", OwnServer.ADMIN_PASSWORD);
    return RestClient.builder().baseUrl(baseUrl).defaultHeader("Authorization", "Bearer " + token).build();
  }

  /** Uploads a classpath resource to /api/v1/ingestions and waits for the job. */
  public static JsonNode ingest(RestClient api, String resource) {
    byte[] content;
    try (var in = ApiCalls.class.getResourceAsStream(resource)) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ingestZip(api, resource.substring(resource.lastIndexOf('/') + 1), content);
  }

  /** Uploads a file (a document or a ZIP of them) to /api/v1/ingestions and waits for the job. */
  public static JsonNode ingestZip(RestClient api, String name, byte[] content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    String id = api.post().uri("/api/v1/ingestions").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class).path("id").asString();
    return await(() -> api.get().uri("/api/v1/jobs/{id}", id).retrieve().body(JsonNode.class), "succeeded|failed", Duration.ofMinutes(5));
  }

  /** Polls a content request until it is completed or failed. */
  public static JsonNode awaitRequest(RestClient api, String id, Duration timeout) {
    return await(() -> api.get().uri("/api/v1/requests/{id}", id).retrieve().body(JsonNode.class), "completed|failed", timeout);
  }

  private static JsonNode await(java.util.function.Supplier<JsonNode> poll, String finished, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = poll.get();
      if (last.path("status").asString().matches(finished)) return last;
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("did not finish within " + timeout + ": " + last);
  }
}
