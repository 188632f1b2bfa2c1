package org.vividly.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vividly.support.IntegrationTest;
import org.vividly.support.PageSession;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/**
 * An organization's monthly budget: the month's measured request cost against it, each of the
 * 50/75/90/100% alerts raised once, when a finished request (or a new budget) first passes it, and
 * shown to admins on the API and the admin page; nobody else sees the budget.
 */
class CostBudgetsIT extends IntegrationTest {

  @Autowired ContentRequests requests;
  @Autowired JdbcClient jdbc;

  @Override
  protected String organization() {
    return "budget-it";
  }

  /** A finished text request whose priced use is then set to {@code usd}, as if it had rendered a long video. */
  UUID requestCosting(Caller who, String question) {
    ContentRequest r = requests.create(who, ContentRequestCommand.of(question, 8, List.of(), null, List.of("text"), null, null, null, null, null));
    until(Duration.ofSeconds(30), () -> jdbc.sql("SELECT status FROM content_request WHERE id = ?").param(r.id()).query(String.class).single().matches("completed|failed"));
    return r.id();
  }

  static void until(Duration timeout, java.util.function.BooleanSupplier done) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("not within " + timeout);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  void setCost(UUID request, String usd) {
    jdbc.sql("UPDATE content_request_stage SET cost_usd = CASE WHEN stage = (SELECT min(stage) FROM content_request_stage WHERE request_id = ?) THEN ?::numeric ELSE 0 END WHERE request_id = ?")
        .params(request, usd, request).update();
  }

  List<Integer> thresholds(JsonNode budget) {
    return budget.path("alerts").valueStream().map(a -> a.path("threshold").asInt()).toList();
  }

  @Test
  void alertsAt50_75_90And100PercentEachOnceAMonthForAdminsOnly() {
    assertThat(ingest("tides.md", "# Tides\n\n## What causes tides\n\nThe Moon's gravity pulls on the oceans, so the water on the side of Earth facing the Moon bulges out and makes a high tide.\n".getBytes(StandardCharsets.UTF_8)).path("status").asString()).isEqualTo("succeeded");
    Caller student = member(organization(), Role.STUDENT, "student");
    JsonNode none = json(call("GET", "/api/v1/organization/budget", null, auth()));
    assertThat(none.path("monthlyUsd").isNull()).isTrue();
    assertThat(thresholds(none)).isEmpty();

    UUID first = requestCosting(student, "What causes tides?");
    setCost(first, "8.00");
    JsonNode set = json(call("PUT", "/api/v1/organization/budget", Map.of("monthlyUsd", 10), auth()));
    assertThat(set.path("spentUsd").decimalValue()).isEqualByComparingTo("8.00");
    assertThat(set.path("percentUsed").asDouble()).isEqualTo(80.0);
    assertThat(thresholds(set)).as("a new budget alerts what the month already passed").containsExactly(50, 75);

    // More of this month's spending shows up; the next finished request raises the 90% alert.
    setCost(first, "9.50");
    requestCosting(student, "Why does the Moon make tides?");
    until(Duration.ofSeconds(20), () -> thresholds(json(call("GET", "/api/v1/organization/budget", null, auth()))).contains(90));
    JsonNode after = json(call("GET", "/api/v1/organization/budget", null, auth()));
    assertThat(thresholds(after)).containsExactly(50, 75, 90);
    assertThat(after.path("alerts").get(2).path("spentUsd").decimalValue()).isEqualByComparingTo("9.50");

    // Saving the same budget again raises nothing twice; lowering it raises 100%.
    assertThat(thresholds(json(call("PUT", "/api/v1/organization/budget", Map.of("monthlyUsd", 10), auth())))).containsExactly(50, 75, 90);
    assertThat(thresholds(json(call("PUT", "/api/v1/organization/budget", Map.of("monthlyUsd", 9), auth())))).containsExactly(50, 75, 90, 100);
    assertThat(jdbc.sql("SELECT count(*) FROM cost_alert WHERE organization_id = ?").param(student.organization().value()).query(Long.class).single()).as("each alert stored once").isEqualTo(4);

    // The admin page says it.
    PageSession admin = PageSession.signIn(url(""), "admin@budget-it.test", PASSWORD);
    String page = admin.get("/admin").body();
    assertThat(org.jsoup.Jsoup.parse(page).select("#budget-alert").text()).contains("100%").contains("$9.00");
    assertThat(org.jsoup.Jsoup.parse(admin.post("/admin/budget", Map.of("monthlyUsd", "lots")).body()).select("#admin-error").text()).contains("an amount in US dollars");

    // Nobody but admins sees or sets it; a budget is a positive amount.
    String teacher = "Bearer " + signIn(member(organization(), Role.TEACHER, "teacher"));
    assertThat(call("GET", "/api/v1/organization/budget", null, teacher).statusCode()).isEqualTo(403);
    assertThat(call("PUT", "/api/v1/organization/budget", Map.of("monthlyUsd", 10), teacher).statusCode()).isEqualTo(403);
    var negative = call("PUT", "/api/v1/organization/budget", Map.of("monthlyUsd", -5), auth());
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(json(negative).path("detail").asString()).contains("more than 0");
    assertThat(json(call("GET", "/api/v1/organization/budget", null, auth())).path("monthlyUsd").decimalValue()).as("nothing changed").isEqualByComparingTo("9");
  }

  @Test
  void anotherOrganizationsCostsAndBudgetStayApart() {
    assertThat(json(call("GET", "/api/v1/organization/budget", null, auth("budget-other"))).path("spentUsd").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
  }
}
