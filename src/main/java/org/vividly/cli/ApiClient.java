package org.vividly.cli;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.web.client.RestClientResponseException;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running Vividly server. Errors come back as RFC 7807 Problem Details; their
 * {@code detail} becomes the message the user sees.
 */
final class ApiClient {

  static final String DEFAULT_URL = "http://localhost:8080";
  private final String baseUrl;
  private final RestClient rest;
  private final String organization;
  static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

  ApiClient(String baseUrl, String organization) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.organization = organization;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(Duration.ofMinutes(10));
    RestClient.Builder builder = RestClient.builder().baseUrl(this.baseUrl).requestFactory(factory);
    if (organization != null && !organization.isBlank()) builder.defaultHeader("X-Vividly-Organization", organization);
    builder.requestInterceptor((request, body, execution) -> {
      if (!request.getURI().getPath().matches("/api/v1/auth/(token|refresh|password-reset.*)")) accessToken().ifPresent(token -> request.getHeaders().setBearerAuth(token));
      return execution.execute(request, body);
    });
    this.rest = builder.build();
  }

  String baseUrl() {
    return baseUrl;
  }

  /**
   * The saved access token for this server ({@code $VIVIDLY_TOKEN} first), refreshed with the saved
   * refresh token when it is about to expire.
   */
  java.util.Optional<String> accessToken() {
    String fromEnvironment = System.getenv("VIVIDLY_TOKEN");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) return java.util.Optional.of(fromEnvironment);
    var saved = Credentials.load(baseUrl);
    if (saved.isEmpty()) return java.util.Optional.empty();
    if (saved.get().expiresAt().isAfter(java.time.Instant.now().plusSeconds(30))) return java.util.Optional.of(saved.get().accessToken());
    try {
      JsonNode tokens = RestClient.create(baseUrl).post().uri("/api/v1/auth/refresh").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
          .body(Map.of("refresh_token", saved.get().refreshToken())).retrieve().body(JsonNode.class);
      Credentials.save(baseUrl, tokens, saved.get().email());
      return java.util.Optional.of(tokens.path("access_token").asString());
    } catch (RestClientResponseException e) {
      Credentials.forget(baseUrl);
      return java.util.Optional.empty();
    } catch (ResourceAccessException e) {
      return java.util.Optional.of(saved.get().accessToken());
    }
  }

  static ApiClient fromEnvironment(String option, String organization) {
    String url = option != null ? option : System.getenv().getOrDefault("VIVIDLY_URL", DEFAULT_URL);
    return new ApiClient(url, organization);
  }

  JsonNode get(String path, Object... uriVariables) {
    return call(() -> rest.get().uri(path, uriVariables).retrieve().body(JsonNode.class));
  }

  <T> T get(String path, Class<T> type, Object... uriVariables) {
    return call(() -> rest.get().uri(path, uriVariables).retrieve().body(type));
  }

  <T> T get(String path, ParameterizedTypeReference<T> type, Map<String, ?> uriVariables) {
    return call(() -> rest.get().uri(path, uriVariables).retrieve().body(type));
  }

  <T> T post(String path, Object body, Class<T> type) {
    return call(() -> rest.post().uri(path).body(body == null ? Map.of() : body).retrieve().body(type));
  }

  <T> T put(String path, Object body, Class<T> type) {
    return call(() -> rest.put().uri(path).body(body).retrieve().body(type));
  }

  void delete(String path, Object... uriVariables) {
    call(() -> rest.delete().uri(path, uriVariables).retrieve().toBodilessEntity());
  }

  /** Saves a GET response body to {@code target}. */
  void download(String path, java.nio.file.Path target) {
    call(() -> rest.get().uri(path).exchange((request, response) -> {
      if (response.getStatusCode().isError()) throw new IllegalStateException("could not download " + path + ": HTTP " + response.getStatusCode().value());
      try (var in = response.getBody()) {
        java.nio.file.Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    }));
  }

  /**
   * Follows a Server-Sent Events stream (parsed by LangChain4j's SSE parser), handing each event's
   * name and JSON data to {@code onEvent} until the stream ends or {@code onEvent} returns false.
   */
  void events(String path, java.util.function.BiPredicate<String, JsonNode> onEvent) {
    stream(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path)).GET(), path, onEvent);
  }

  /** Like {@link #events}, for a stream that answers a POST of {@code body} as JSON (a streamed chat answer). */
  void postEvents(String path, Object body, java.util.function.BiPredicate<String, JsonNode> onEvent) {
    stream(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path)).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), path, onEvent);
  }

  private void stream(java.net.http.HttpRequest.Builder request, String path, java.util.function.BiPredicate<String, JsonNode> onEvent) {
    request.header("Accept", "text/event-stream");
    if (organization != null && !organization.isBlank()) request.header("X-Vividly-Organization", organization);
    accessToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
    try {
      var response = HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        String problem;
        try (var in = response.body()) {
          problem = JSON.readTree(in.readAllBytes()).path("detail").asString("");
        } catch (RuntimeException notJson) {
          problem = "";
        }
        throw new IllegalStateException(problem.isBlank() ? "the server answered HTTP " + response.statusCode() + " for " + path : problem);
      }
      RuntimeException[] failure = {null};
      try (var in = response.body()) {
        new DefaultServerSentEventParser().parse(in, new ServerSentEventListener() {
          @Override
          public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (!onEvent.test(event.event() == null ? "message" : event.event(), JSON.readTree(event.data()))) context.parsingHandle().cancel();
          }

          @Override
          public void onError(Throwable error) {
            failure[0] = error instanceof RuntimeException r ? r : new IllegalStateException(error.getMessage(), error);
          }
        });
      }
      if (failure[0] != null) throw failure[0];
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Lost the connection to Vividly at " + baseUrl + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  /**
   * Like {@link #post}, waiting out rate limits with Resilience4j's retry: on HTTP 429 with a
   * {@code Retry-After} of at most two minutes it waits that long and tries again, up to
   * {@code attempts} times in all. Any other error, a spent quota included (a 429 without a short
   * {@code Retry-After}), is thrown at once.
   */
  <T> T postPatiently(String path, Object body, Class<T> type, int attempts) {
    RetryConfig config = RetryConfig.<T>custom()
        .maxAttempts(attempts)
        .retryOnException(e -> retryAfterSeconds(e) >= 0)
        .intervalBiFunction((attempt, outcome) -> 1000L * Math.max(1, outcome.isLeft() ? retryAfterSeconds(outcome.getLeft()) : 1))
        .build();
    Retry retry = Retry.of("rate-limited POST " + path, config);
    return call(() -> retry.executeSupplier(() -> rest.post().uri(path).body(body).retrieve().body(type)));
  }

  /** The seconds a 429 asks the client to wait, when short enough to wait for; else -1. */
  private static long retryAfterSeconds(Throwable e) {
    if (!(e instanceof RestClientResponseException r) || r.getStatusCode().value() != 429 || r.getResponseHeaders() == null) return -1;
    String value = r.getResponseHeaders().getFirst("Retry-After");
    try {
      long seconds = value == null ? -1 : Long.parseLong(value.strip());
      return seconds > 120 ? -1 : seconds;
    } catch (NumberFormatException anHttpDate) {
      return -1;
    }
  }

  <T> T postMultipart(String path, MultiValueMap<String, ?> parts, Class<T> type) {
    return call(() -> rest.post().uri(path).contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(type));
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (RestClientResponseException e) {
      throw new IllegalStateException(problem(e));
    } catch (ResourceAccessException e) {
      if (e.getCause() instanceof ConnectException || (e.getMessage() != null && e.getMessage().contains("Connection refused"))) {
        throw new IllegalStateException("Vividly is not running at " + baseUrl + ". Start it with ./vividly serve (or ./vividly demo), or set VIVIDLY_URL.");
      }
      throw new IllegalStateException("Cannot reach Vividly at " + baseUrl + ": " + e.getMessage());
    }
  }

  private String problem(RestClientResponseException e) {
    if (e.getStatusCode().value() == 401 && !e.getResponseBodyAsString().contains("sign-in-refused")) {
      return "Sign in first: ./vividly login --email you@school.org --server " + baseUrl + " (HTTP 401)";
    }
    return problemDetail(e);
  }

  private static String problemDetail(RestClientResponseException e) {
    try {
      JsonNode body = JSON.readTree(e.getResponseBodyAsString());
      String detail = body.path("detail").asString("");
      if (!detail.isBlank()) return detail + " (HTTP " + e.getStatusCode().value() + ")";
    } catch (RuntimeException ignored) {
      // not Problem Details: fall through to the status line
    }
    return "the server answered HTTP " + e.getStatusCode().value() + " " + e.getStatusText();
  }
}
