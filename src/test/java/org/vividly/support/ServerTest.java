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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.identity.NewAccount;
import org.vividly.identity.Tokens;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
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
 * A test of the whole application on a random port, through its API, with helpers to make people
 * and call as them. {@link IntegrationTest} gives it the shared database and data folder; a test
 * with settings of its own extends this directly and registers {@link OwnServer} properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTest {

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @Autowired protected Organizations organizations;
  @Autowired protected Accounts accounts;
  @Autowired protected Tokens tokens;

  /** {@code Authorization} header value of this class's organization admin. */
  protected String auth() {
    return auth(organization());
  }

  /** {@code Authorization} header value of the admin of organization {@code slug} (created on first use). */
  protected String auth(String slug) {
    return TOKENS.computeIfAbsent(slug, s -> "Bearer " + signIn(member(s, Role.ORG_ADMIN, "admin")));
  }

  /** A person of organization {@code slug} (created, with the organization, on first use). */
  protected Caller member(String slug, Role role, String name) {
    Organization org = organizations.findBySlug(slug).orElseGet(() -> organizations.resolve(slug));
    String email = name + "@" + slug + ".test";
    Account account = accounts.findByEmail(email).orElseGet(() -> accounts.create(org.id(), new NewAccount(email, name, role, null, 9, PASSWORD, List.of())));
    return new Caller(account.id(), account.organization(), account.role(), account.email(), account.displayName(), null);
  }

  /** An access token for {@code caller}. */
  protected String signIn(Caller caller) {
    return tokens.issue(caller, "127.0.0.1", "test").accessToken();
  }

  protected static final String PASSWORD = "correct horse battery";

  @Value("${local.server.port}")
  protected int port;

  protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The organization this test class works in; requests go as its admin ({@link #auth()}). */
  protected abstract String organization();

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  protected HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", auth()).GET().build());
  }

  protected HttpResponse<String> postJson(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", auth()).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  protected HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", auth()).DELETE().build());
  }

  /**
   * Any call: {@code body} as JSON (none when null), with the given {@code Authorization} header
   * value, for example {@code "Bearer " + signIn(caller)} or {@link #auth(String)}.
   */
  protected HttpResponse<String> call(String method, String path, Object body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (authorization != null) request.header("Authorization", authorization);
    return send(request.build());
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
    JsonNode job = RestClient.create(url("")).post().uri("/api/v1/ingestions").header("Authorization", auth()).contentType(MediaType.MULTIPART_FORM_DATA).body(filePart(fileName, content)).retrieve().body(JsonNode.class);
    return awaitJob(job.path("id").asString(), Duration.ofMinutes(10));
  }

  /** Posts bytes as the multipart part {@code file} to {@code path}, as this class's admin; answers whatever status came back. */
  protected org.springframework.http.ResponseEntity<String> postFile(String path, String fileName, byte[] content) {
    return RestClient.create(url("")).post().uri(path).header("Authorization", auth()).contentType(MediaType.MULTIPART_FORM_DATA).body(filePart(fileName, content))
        .retrieve().onStatus(status -> true, (request, response) -> {}).toEntity(String.class);
  }

  private static LinkedMultiValueMap<String, Object> filePart(String fileName, byte[] content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return parts;
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

  /**
   * Uploads to {@code POST /api/v1/videos}: a recording and/or subtitles (either may be null) with
   * form fields, as {@code authorization}; answers whatever status came back.
   */
  protected org.springframework.http.ResponseEntity<String> uploadVideo(String authorization, Path media, Path subtitles, Map<String, String> fields) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    if (media != null) parts.add("media", new org.springframework.core.io.FileSystemResource(media));
    if (subtitles != null) parts.add("subtitles", new org.springframework.core.io.FileSystemResource(subtitles));
    fields.forEach(parts::add);
    return RestClient.create(url("")).post().uri("/api/v1/videos").header("Authorization", authorization).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .retrieve().onStatus(status -> true, (request, response) -> {}).toEntity(String.class);
  }

  /** Waits until a video is ready or failed, and answers it. */
  protected JsonNode awaitVideo(String id, String authorization, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = call("GET", "/api/v1/videos/" + id, null, authorization);
      if (response.statusCode() != 200) throw new AssertionError("GET /api/v1/videos/" + id + " answered " + response.statusCode() + ": " + response.body());
      JsonNode video = json(response);
      String status = video.path("status").asString();
      if (status.equals("READY") || status.equals("FAILED") || status.equals("ready") || status.equals("failed")) return video;
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("video " + id + " did not finish within " + timeout);
  }
}
