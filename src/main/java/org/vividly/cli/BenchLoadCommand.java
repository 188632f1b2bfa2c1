package org.vividly.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(
    name = "load",
    description = {
      "A load test on the server: simulated students browse and ask at the same time (reads and writes mixed); prints p50/p99 latency and errors.",
      "Sign in as an org admin first. It creates --accounts student accounts once (reused on later runs) and shares them among --users simulated people.",
      "Every account may ask 10 questions an hour: for repeated runs start the server with VIVIDLY_RATE_LIMIT_ENABLED=false."
    })
class BenchLoadCommand implements Callable<Integer> {

  private static final String[] QUESTIONS = {"What is photosynthesis?", "Why does a ball thrown up slow down?", "How does the water cycle work?", "How do I add fractions?", "What is evaporation?", "What is acceleration?"};

  @Mixin ClientOptions client;

  @Option(names = "--users", description = "Simulated people at once (default: 1000)")
  int users = 1000;

  @Option(names = "--accounts", description = "Student accounts they share (default: 100)")
  int accounts = 100;

  @Option(names = "--ramp", description = "Seconds over which the people arrive (default: 60)")
  int ramp = 60;

  @Option(names = "--think", description = "Seconds a person reads between actions, on average (default: 5; each pause is 50-150% of it)")
  double think = 5;

  @Option(names = "--password", description = "Password of the load-test accounts (default: load-test-password)")
  String password = "load-test-password";

  record Sample(String what, boolean write, long nanos, int status) {}

  @Override
  public Integer call() throws Exception {
    ApiClient api = client.api();
    String slug = api.get("/api/v1/organization").path("organization").path("slug").asString();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    long setup = System.nanoTime();
    List<String> tokens = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger created = new AtomicInteger();
    try (var pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < accounts; i++) {
        String email = String.format("load-%04d@%s.load.example.org", i, slug);
        int n = i;
        done.add(pool.submit(() -> {
          try {
            api.post("/api/v1/users", Map.of("email", email, "displayName", "Load Student " + n, "role", "student", "grade", 9, "password", password), JsonNode.class);
            created.incrementAndGet();
          } catch (IllegalStateException exists) {
            if (!exists.getMessage().contains("already exists")) throw exists;
          }
          HttpResponse<String> signIn = http.send(json(api.baseUrl() + "/api/v1/auth/token", null, Map.of("email", email, "password", password)), HttpResponse.BodyHandlers.ofString());
          if (signIn.statusCode() != 200) throw new IllegalStateException("Signing in " + email + " answered " + signIn.statusCode() + ": " + signIn.body());
          tokens.add(ApiClient.JSON.readTree(signIn.body()).path("access_token").asString());
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
    }
    System.out.printf("Setup: %d accounts (%d new) signed in in %.1f s%n", tokens.size(), created.get(), (System.nanoTime() - setup) / 1e9);

    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    try (var people = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int u = 0; u < users; u++) {
        int person = u;
        people.submit(() -> {
          try {
            Thread.sleep((long) person * ramp * 1000L / users);
            String token = tokens.get(person % tokens.size());
            String q = QUESTIONS[person % QUESTIONS.length];
            call(http, samples, errors, false, get(api.baseUrl() + "/api/v1/me/quota", token));
            pause();
            call(http, samples, errors, false, get(api.baseUrl() + "/api/v1/sources", token));
            pause();
            call(http, samples, errors, false, get(api.baseUrl() + "/api/v1/search?k=5&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token));
            pause();
            call(http, samples, errors, false, get(api.baseUrl() + "/api/v1/requests?limit=5", token));
            pause();
            HttpResponse<String> asked = call(http, samples, errors, true, json(api.baseUrl() + "/api/v1/requests", token, Map.of("question", q, "modalities", List.of("text"))));
            pause();
            if (asked != null && asked.statusCode() < 300) {
              String lesson = ApiClient.JSON.readTree(asked.body()).path("lessonId").asString();
              call(http, samples, errors, false, get(api.baseUrl() + "/api/v1/lessons/" + lesson, token));
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> reads = samples.stream().filter(s -> !s.write()).map(Sample::nanos).toList();
    List<Long> writes = samples.stream().filter(Sample::write).map(Sample::nanos).toList();
    int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
    System.out.printf("Load: %d simulated people on %d accounts, arriving over %d s, %.0f s between actions; %d calls in %.1f s (%.0f calls/s)%n", users, tokens.size(), ramp, think, samples.size(), seconds, samples.size() / seconds);
    System.out.printf("  reads  (quota, sources, search, recent requests, lesson): %5d calls, p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n", reads.size(), LoadStats.percentile(reads, 50) / 1e6, LoadStats.percentile(reads, 99) / 1e6, LoadStats.percentile(reads, 100) / 1e6);
    System.out.printf("  writes (ask a text lesson):                                %5d calls, p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n", writes.size(), LoadStats.percentile(writes, 50) / 1e6, LoadStats.percentile(writes, 99) / 1e6, LoadStats.percentile(writes, 100) / 1e6);
    Map<String, List<Long>> byEndpoint = new TreeMap<>();
    for (Sample sample : samples) byEndpoint.computeIfAbsent(sample.what(), k -> new ArrayList<>()).add(sample.nanos());
    byEndpoint.forEach((endpoint, list) -> System.out.printf("    %-32s %5d calls, p50 %6.1f ms, p99 %6.1f ms%n", endpoint, list.size(), LoadStats.percentile(list, 50) / 1e6, LoadStats.percentile(list, 99) / 1e6));
    System.out.println("  errors: " + errorCount + (errorCount == 0 ? "" : " " + new TreeMap<>(errors)));
    return errorCount == 0 ? 0 : 1;
  }

  /** The endpoint, without ids and query. */
  private static String what(HttpRequest request) {
    return request.method() + " " + request.uri().getPath().replaceAll("/[0-9a-f-]{36}", "/{id}");
  }

  private void pause() throws InterruptedException {
    Thread.sleep((long) (think * 1000 * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble())));
  }

  private static HttpResponse<String> call(HttpClient http, List<Sample> samples, Map<String, AtomicInteger> errors, boolean write, HttpRequest request) {
    long t = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      samples.add(new Sample(what(request), write, System.nanoTime() - t, response.statusCode()));
      if (response.statusCode() >= 400) errors.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
      return response;
    } catch (Exception e) {
      samples.add(new Sample(what(request), write, System.nanoTime() - t, 0));
      errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
      return null;
    }
  }

  private static HttpRequest get(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
  }

  private static HttpRequest json(String url, String token, Object body) {
    var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)));
    if (token != null) request.header("Authorization", "Bearer " + token);
    return request.build();
  }
}
