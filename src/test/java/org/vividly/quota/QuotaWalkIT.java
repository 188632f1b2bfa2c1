package org.vividly.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document that answers a question (the {@code x-vividly-quota}
 * extension) takes exactly one unit of the caller's monthly quota, and is refused at the limit with
 * 429 Problem Details. A new answering operation fails this test until it is walked too.
 */
class QuotaWalkIT extends IntegrationTest {

  private static final int LIMIT = 2;

  @Autowired JdbcClient jdbc;

  @Override
  protected String organization() {
    return "quota-walk";
  }

  /** How to call each answering operation, by method and path template, as {@code token}. */
  private Map<String, Function<String, HttpResponse<String>>> calls(String sourceId) {
    return Map.of(
        "POST /api/v1/requests", token -> call("POST", "/api/v1/requests", Map.of("question", "What makes a plant grow toward light?", "modalities", List.of("text")), "Bearer " + token),
        "POST /api/v1/lessons", token -> call("POST", "/api/v1/lessons", Map.of("question", "What makes a plant grow toward light?"), "Bearer " + token),
        "POST /api/v1/conversations/{id}/messages", token -> {
          String conversation = json(call("POST", "/api/v1/conversations", Map.of("sourceIds", List.of(sourceId)), "Bearer " + token)).path("id").asString();
          return call("POST", "/api/v1/conversations/" + conversation + "/messages", Map.of("question", "What makes a plant grow toward light?"), "Bearer " + token);
        });
  }

  @Test
  void everyAnsweringOperationTakesOneUnitAndIsRefusedAtTheLimit() {
    String sourceId = setUp();
    JsonNode openApi = json(get("/v3/api-docs"));
    List<String> metered = new ArrayList<>();
    for (var path : openApi.path("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        if (operation.getValue().has("x-vividly-quota")) metered.add(operation.getKey().toUpperCase() + " " + path.getKey());
      }
    }
    Map<String, Function<String, HttpResponse<String>>> calls = calls(sourceId);
    assertThat(metered).as("answering operations in the OpenAPI document").isNotEmpty().allSatisfy(op -> assertThat(calls).as("a way to call " + op).containsKey(op));
    assertThat(metered).containsExactlyInAnyOrderElementsOf(calls.keySet());

    for (String operation : metered) {
      // A student of their own, so each operation starts from an untouched month.
      Caller student = member(organization(), Role.STUDENT, "student-" + Integer.toHexString(operation.hashCode()));
      String token = signIn(student);
      for (int i = 1; i <= LIMIT; i++) {
        HttpResponse<String> answered = calls.get(operation).apply(token);
        assertThat(answered.statusCode()).as(operation + " call " + i + ": " + answered.body()).isBetween(200, 299);
        assertThat(textUsed(token)).as(operation + ": units used after " + i + " call(s)").isEqualTo(i);
      }
      HttpResponse<String> refused = calls.get(operation).apply(token);
      assertThat(refused.statusCode()).as(operation + " at the limit: " + refused.body()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(json(refused).path("type").asString()).isEqualTo("https://vividly.org/problems/quota-exceeded");
      assertThat(textUsed(token)).as(operation + ": a refused call takes nothing").isEqualTo(LIMIT);
    }
  }

  @Test
  void aStreamedChatAnswerTakesAUnitAndIsRefusedAtTheLimitBeforeTheStreamOpens() throws Exception {
    String sourceId = setUp();
    String token = signIn(member(organization(), Role.STUDENT, "streamer"));
    String conversation = json(call("POST", "/api/v1/conversations", Map.of("sourceIds", List.of(sourceId)), "Bearer " + token)).path("id").asString();
    for (int i = 1; i <= LIMIT; i++) {
      HttpResponse<String> streamed = stream(token, conversation);
      assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
      assertThat(streamed.body()).contains("event:answer");
      assertThat(textUsed(token)).isEqualTo(i);
    }
    HttpResponse<String> refused = stream(token, conversation);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(json(refused).path("type").asString()).isEqualTo("https://vividly.org/problems/quota-exceeded");
    assertThat(textUsed(token)).isEqualTo(LIMIT);
  }

  private HttpResponse<String> stream(String token, String conversation) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/conversations/" + conversation + "/messages"))).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"What makes a plant grow toward light?\"}")).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String source;

  /** Once per class: a source to talk about, and a plan of {@value #LIMIT} text units a month. */
  private synchronized String setUp() {
    if (source != null) return source;
    source = ingest("phototropism.md", "# Phototropism\n\nPlants grow toward light because a hormone called auxin collects on the shaded side of the stem and makes those cells grow longer, which bends the stem toward the light.\n".getBytes(StandardCharsets.UTF_8))
        .path("report").path("sources").get(0).path("sourceId").asString();
    String plan = "test-quota-walk";
    jdbc.sql("INSERT INTO plan (code, name, audience, text_per_month, video_per_month) VALUES (?, 'Quota walk', 'organization', ?, ?) ON CONFLICT (code) DO NOTHING").params(plan, LIMIT, LIMIT).update();
    Caller admin = member(organization(), Role.ORG_ADMIN, "admin");
    OrganizationSettings settings = organizations.settings(admin.organization());
    organizations.updateSettings(admin.organization(), new OrganizationSettings(settings.libraries(), new OrganizationSettings.Pricing(plan, false), settings.compliance(), settings.features()));
    return source;
  }

  private int textUsed(String token) {
    return json(call("GET", "/api/v1/me/quota", null, "Bearer " + token)).path("text").path("used").asInt();
  }
}
