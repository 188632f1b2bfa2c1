package org.vividly.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(
    name = "signin",
    description = "Sign-in throughput over HTTP (bcrypt cost 12 on the server), bcrypt alone on this machine, and the server's authorization cost per request.")
class BenchSignInCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Option(names = "--email", description = "Account to sign in as (default: the demo student)")
  String email = "ava.thompson@students.dcms.example.org";

  @Option(names = "--password", description = "Its password (default: the demo password)")
  String password = "vividly-demo";

  @Option(names = "--count", description = "Sign-ins (default: 40)")
  int count = 40;

  @Option(names = "--threads", description = "Parallel clients (default: 4)")
  int threads = 4;

  @Override
  public Integer call() throws Exception {
    ApiClient api = client.api();
    HttpClient http = HttpClient.newHttpClient();
    String body = ApiClient.JSON.writeValueAsString(Map.of("email", email, "password", password));
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    int[] errors = {0};
    long start = System.nanoTime();
    try (var pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        done.add(pool.submit(() -> {
          long t = System.nanoTime();
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/auth/token")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          latencies.add(System.nanoTime() - t);
          if (response.statusCode() != 200) {
            synchronized (errors) {
              if (errors[0]++ == 0) System.err.println("Sign-in answered " + response.statusCode() + ": " + response.body());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("Sign-in over HTTP: %d sign-ins with %d clients in %.2f s = %.1f sign-ins/s; latency p50 %.0f ms, p99 %.0f ms; %d errors%n", count, threads, seconds, count / seconds, LoadStats.percentile(latencies, 50) / 1e6, LoadStats.percentile(latencies, 99) / 1e6, errors[0]);

    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12);
    String hash = bcrypt.encode(password);
    bcrypt.matches(password, hash);
    long b = System.nanoTime();
    for (int i = 0; i < 8; i++) bcrypt.matches(password, hash);
    System.out.printf("bcrypt cost 12 on this machine, one core: %.0f ms a check (%.1f checks/s per core)%n", (System.nanoTime() - b) / 8 / 1e6, 8 / ((System.nanoTime() - b) / 1e9));

    JsonNode authz = api.post("/api/v1/benchmarks/authorization", Map.of(), JsonNode.class);
    System.out.printf("Authorization per API request on the server: JWT verify %.1f µs + open-session check %.1f µs + teacher's visibility %.1f µs = %.1f µs (median of %d)%n",
        authz.path("jwtMicros").asDouble(), authz.path("sessionMicros").asDouble(), authz.path("visibilityMicros").asDouble(), authz.path("totalMicros").asDouble(), authz.path("iterations").asInt());
    return errors[0] == 0 ? 0 : 1;
  }
}
