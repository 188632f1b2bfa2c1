package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.vividly.VividlyApplication;
import org.vividly.support.ApiCalls;
import org.vividly.support.IntegrationTest;
import org.vividly.support.OwnServer;
import org.vividly.support.TestDatabase;
import org.vividly.tenancy.Role;

/**
 * Prometheus metrics: on the main port only a super admin reads them; on a management port of its
 * own (the monitoring network) a scraper reads them without signing in, and the application's
 * port stays closed to anonymous callers.
 */
class MetricsIT extends IntegrationTest {

  @Override
  protected String organization() {
    return "metrics-it";
  }

  @Test
  void onTheMainPortOnlyASuperAdminReadsTheMetricsWhichCountSearchesLessonsQuestionsAndJobs() throws Exception {
    assertThat(ingest("tides.md", "# Tides\n\n## What causes tides\n\nThe Moon's gravity pulls on the oceans, so the water on the side of Earth facing the Moon bulges out and makes a high tide.\n".getBytes(StandardCharsets.UTF_8)).path("status").asString()).isEqualTo("succeeded");
    String student = "Bearer " + signIn(member(organization(), Role.STUDENT, "student"));
    assertThat(call("POST", "/api/v1/lessons", java.util.Map.of("question", "What causes tides?", "grade", 8), student).statusCode()).isEqualTo(201);

    assertThat(call("GET", "/actuator/prometheus", null, null).statusCode()).as("anonymous").isEqualTo(401);
    assertThat(call("GET", "/actuator/prometheus", null, auth()).statusCode()).as("an org admin").isEqualTo(403);
    String superAdmin = "Bearer " + ApiCalls.signIn(url(""), "admin@vividly.local", OwnServer.ADMIN_PASSWORD);
    HttpResponse<String> scrape = call("GET", "/actuator/prometheus", null, superAdmin);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("vividly_search_seconds_count{mode=\"hybrid\"")
        .contains("vividly_lessons_total{outcome=\"answered\"")
        .contains("vividly_questions_total{meter=\"text\",outcome=\"admitted\"")
        .contains("vividly_jobs_waiting{queue=\"library\"")
        .contains("http_server_requests_seconds_count")
        .contains("vividly_search_seconds_bucket{mode=\"hybrid\"")
        .contains("http_server_requests_seconds_bucket");
    // Every metric the Grafana dashboard plots is one this server exports.
    JsonNode dashboard = JSON.readTree(Files.readString(Path.of("deploy/grafana/vividly-dashboard.json")));
    java.util.Set<String> plotted = new java.util.TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(vividly_[a-z_]+|http_server_[a-z_]+|jvm_[a-z_]+)\\{").matcher(target.path("expr").asString());
        while (m.find()) plotted.add(m.group(1));
      }
    }
    assertThat(plotted).hasSizeGreaterThan(8);
    for (String metric : plotted) {
      // A render's stage timers appear once a render ran; RenderRetryIT checks those.
      if (metric.startsWith("vividly_render")) continue;
      assertThat(scrape.body()).as("the dashboard's " + metric).contains(metric);
    }
    assertThat(json(call("GET", "/actuator/info", null, superAdmin)).path("build").path("artifact").asString()).isEqualTo("vividly");
  }

  @Test
  void onAManagementPortOfItsOwnAScraperReadsThemWithoutSigningIn() throws Exception {
    int management;
    try (ServerSocket free = new ServerSocket(0)) {
      management = free.getLocalPort();
    }
    Path data = Files.createTempDirectory("vividly-metrics-server-");
    try (ConfigurableApplicationContext server = new SpringApplication(VividlyApplication.class).run(
        "--server.port=0", "--management.server.port=" + management, "--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=postgres", "--vividly.storage.data-dir=" + data,
        "--vividly.rate-limit.enabled=false", "--vividly.security.admin-password=" + OwnServer.ADMIN_PASSWORD, "--vividly.security.bcrypt-strength=4")) {
      int main = ((org.springframework.boot.web.server.context.WebServerApplicationContext) server).getWebServer().getPort();
      HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("vividly_jobs_waiting{queue=\"media\"").contains("jvm_memory_used_bytes");
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      HttpResponse<String> onMain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + main + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(onMain.statusCode()).as("the application's port does not serve the actuator then").isIn(401, 404);
    }
  }
}
