package org.vividly.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/** Plans and monthly quotas over the API, on the real PostgreSQL. */
class QuotaIT extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired Quotas quotas;

  @Override
  protected String organization() {
    return "quota-it";
  }

  /** An organization of its own whose base plan allows {@code text} text and {@code video} audio/video requests a month. */
  Caller studentOnPlan(String slug, int text, int video, boolean upgrades) {
    String plan = "test-" + slug;
    jdbc.sql("INSERT INTO plan (code, name, audience, text_per_month, video_per_month) VALUES (?, ?, 'organization', ?, ?) ON CONFLICT (code) DO NOTHING").params(plan, "Test " + slug, text, video).update();
    Caller student = member(slug, Role.STUDENT, "student");
    OrganizationSettings settings = organizations.settings(student.organization());
    organizations.updateSettings(student.organization(), new OrganizationSettings(settings.libraries(), new OrganizationSettings.Pricing(plan, upgrades), settings.compliance(), settings.features()));
    return student;
  }

  HttpResponse<String> ask(String token, String question, List<String> modalities) {
    return call("POST", "/api/v1/requests", Map.of("question", question, "modalities", modalities), "Bearer " + token);
  }

  @Test
  void fiftyParallelRequestsAgainstAQuotaOfThreeSucceedExactlyThreeTimes() throws Exception {
    Caller student = studentOnPlan("quota-race", 3, 3, false);
    String token = signIn(student);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(50)) {
      for (int i = 0; i < 50; i++) {
        int n = i;
        answers.add(pool.submit((Callable<HttpResponse<String>>) () -> {
          start.await();
          return ask(token, "Question number " + n + " about gravity?", List.of("text"));
        }));
      }
      start.countDown();
      int accepted = 0, refused = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 201) accepted++;
        else if (response.statusCode() == 429 && json(response).path("type").asString().equals("https://vividly.org/problems/quota-exceeded")) refused++;
        else throw new AssertionError(response.statusCode() + " " + response.body());
      }
      assertThat(accepted).isEqualTo(3);
      assertThat(refused).isEqualTo(47);
    }
    QuotaUsage usage = quotas.usage(student.organization(), student.userId());
    assertThat(usage.text()).isEqualTo(new Meter.Count(3, 3, 0));
    assertThat(jdbc.sql("SELECT count(*) FROM content_request WHERE owner_id = ?").param(student.userId()).query(Long.class).single()).as("refused requests store nothing").isEqualTo(3);
  }

  @Test
  void anOverQuotaRequestSaysWhatIsLeftAndWhenItResets() {
    Caller student = studentOnPlan("quota-answer", 1, 0, false);
    String token = signIn(student);
    assertThat(ask(token, "What is speed?", List.of("text")).statusCode()).isEqualTo(201);
    HttpResponse<String> over = ask(token, "What is velocity?", List.of("text"));
    assertThat(over.statusCode()).isEqualTo(429);
    JsonNode problem = json(over);
    assertThat(problem.path("remaining").asInt()).isZero();
    assertThat(problem.path("limit").asInt()).isEqualTo(1);
    assertThat(problem.path("meter").asString()).isEqualTo("text");
    assertThat(problem.path("resetsAt").asString()).isEqualTo(Quotas.resetsAt(Quotas.period()).toString());
    assertThat(problem.path("detail").asString()).contains("0 are left").contains("resets on").contains("administrator");
    assertThat(over.headers().firstValue("Retry-After")).isPresent();
    HttpResponse<String> video = ask(token, "Show me velocity", List.of("text", "video"));
    assertThat(video.statusCode()).as("a plan without video allows none").isEqualTo(429);
    assertThat(json(video).path("meter").asString()).isEqualTo("video");
  }

  @Test
  void aFailedRequestGivesItsUnitBack() {
    Caller student = studentOnPlan("quota-release", 5, 2, false);
    String token = signIn(student);
    // Nothing in this library answers it, so the narration is unavailable and the request fails.
    HttpResponse<String> failed = ask(token, "Who won the 2010 World Cup?", List.of("text", "audio"));
    assertThat(failed.statusCode()).as(failed.body()).isEqualTo(201);
    assertThat(json(failed).path("status").asString()).isEqualTo("failed");
    // Given back by the listener of ContentRequestFinished, just after the request is stored as failed.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(quotas.usage(student.organization(), student.userId()).video().used()).isZero();
      assertThat(jdbc.sql("SELECT status FROM quota_reservation WHERE request_id = ?::uuid").param(json(failed).path("id").asString()).query(String.class).single()).isEqualTo("released");
    });
  }

  @Test
  void aPersonalUpgradeCountsOnlyWhereTheOrganizationAllowsIt() {
    Caller student = studentOnPlan("quota-upgrade", 2, 1, true);
    HttpResponse<String> upgraded = call("PUT", "/api/v1/users/" + student.userId() + "/plan", Map.of("planCode", "plus"), auth("quota-upgrade"));
    assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(200);
    assertThat(json(upgraded).path("plan").path("code").asString()).isEqualTo("plus");
    assertThat(json(upgraded).path("text").path("limit").asInt()).isEqualTo(100);
    assertThat(json(upgraded).path("inherited").asBoolean()).isFalse();
    assertThat(call("PUT", "/api/v1/users/" + student.userId() + "/plan", Map.of("planCode", "district"), auth("quota-upgrade")).statusCode()).as("organization plans are not personal").isEqualTo(400);

    Caller locked = studentOnPlan("quota-no-upgrade", 2, 1, false);
    HttpResponse<String> refused = call("PUT", "/api/v1/users/" + locked.userId() + "/plan", Map.of("planCode", "plus"), auth("quota-no-upgrade"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(call("PUT", "/api/v1/users/" + locked.userId() + "/plan", Map.of("planCode", "plus"), "Bearer " + signIn(locked)).statusCode()).as("students cannot change plans").isEqualTo(403);
    HttpResponse<String> mine = call("GET", "/api/v1/me/quota", null, "Bearer " + signIn(locked));
    assertThat(json(mine).path("plan").path("code").asString()).isEqualTo("test-quota-no-upgrade");
    assertThat(json(mine).path("inherited").asBoolean()).isTrue();
  }

}
