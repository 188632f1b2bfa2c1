package org.vividly.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the whole application on a random port, on a fresh database of the
 * real PostgreSQL server, with its search index in a temporary folder. All subclasses share one
 * application context; each test class works in an organization of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

  protected static final JsonMapper JSON = JsonMapper.builder().build();
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
    registry.add("vividly.storage.data-dir", DATA::toString);
    // These tests call the API far faster than a person; RateLimitRedisIT tests the limits.
    registry.add("vividly.rate-limit.enabled", () -> "false");
  }

  @Value("${local.server.port}")
  protected int port;

  protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The organization this test class works in (sent as X-Vividly-Organization). */
  protected abstract String organization();

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  protected HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Vividly-Organization", organization()).GET().build());
  }

  protected HttpResponse<String> postJson(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Vividly-Organization", organization()).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  protected HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Vividly-Organization", organization()).DELETE().build());
  }

  protected JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Uploads bytes as a file to /api/v1/ingestions and waits for the job to finish. */
  protected JsonNode ingest(String fileName, byte[] content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    JsonNode job = RestClient.create(url("")).post().uri("/api/v1/ingestions").header("X-Vividly-Organization", organization()).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class);
    return awaitJob(job.path("id").asString(), Duration.ofMinutes(10));
  }

  protected JsonNode awaitJob(String id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get("/api/v1/jobs/" + id);
      if (response.statusCode() != 200) throw new AssertionError("GET /api/v1/jobs/" + id + " answered " + response.statusCode() + ": " + response.body());
      JsonNode job = json(response);
      String status = job.path("status").asString();
      if (status.equals("succeeded") || status.equals("failed")) return job;
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("job " + id + " did not finish within " + timeout);
  }
}
