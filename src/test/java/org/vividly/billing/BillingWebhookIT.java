package org.vividly.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vividly.quota.Quotas;
import org.vividly.support.OwnServer;
import org.vividly.support.ServerTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationType;
import org.vividly.tenancy.Role;

/**
 * The payment provider's webhook with locally signed payloads: plans change for a person and an
 * organization, a repeated event changes nothing twice, and a bad signature, a replayed (old)
 * delivery and unknown names are refused.
 */
// Closed after the class: its own server and database are used by no other test.
@org.springframework.test.annotation.DirtiesContext
class BillingWebhookIT extends ServerTest {

  private static final String SECRET = "whsec_test_" + UUID.randomUUID();

  @DynamicPropertySource
  static void billing(DynamicPropertyRegistry registry) {
    OwnServer.register(registry, "billing");
    registry.add("vividly.billing.webhook-secret", () -> SECRET);
  }

  @Autowired Quotas quotas;
  @Autowired JdbcClient jdbc;

  @Override
  protected String organization() {
    return "billing-family";
  }

  private HttpResponse<String> deliver(String body, long timestamp, String secret) {
    String signature = "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(BillingEvents.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    return deliver(body, signature);
  }

  private HttpResponse<String> deliver(String body, String signature) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/v1/billing/webhook"))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) request.header("Vividly-Signature", signature);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String event(String id, String type, String data) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":" + data + "}";
  }

  private Caller familyParent() {
    if (organizations.findBySlug(organization()).isEmpty()) organizations.create("The Lovelace family", organization(), OrganizationType.HOMESCHOOL_GROUP);
    return member(organization(), Role.ORG_ADMIN, "parent");
  }

  @Test
  void aSubscriptionMovesAPersonToItsPlanOnceAndACancellationMovesThemBack() {
    Caller parent = familyParent();
    String id = "evt_" + UUID.randomUUID();
    String activated = event(id, "subscription.activated", "{\"account\":\"" + parent.userId() + "\",\"plan\":\"family\"}");
    HttpResponse<String> first = deliver(activated, Instant.now().getEpochSecond(), SECRET);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(first).path("duplicate").asBoolean()).isFalse();
    assertThat(quotas.effectivePlan(parent.organization(), parent.userId()).code()).isEqualTo("family");

    // The provider delivers again (a retry, or someone replaying it within the tolerance): nothing changes twice.
    quotas.changePlan(parent.organization(), parent.userId(), "plus");
    HttpResponse<String> again = deliver(activated, Instant.now().getEpochSecond(), SECRET);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("duplicate").asBoolean()).isTrue();
    assertThat(json(again).path("outcome").asString()).isEqualTo(json(first).path("outcome").asString());
    assertThat(quotas.effectivePlan(parent.organization(), parent.userId()).code()).isEqualTo("plus");

    HttpResponse<String> canceled = deliver(event("evt_" + UUID.randomUUID(), "subscription.canceled", "{\"account\":\"" + parent.userId() + "\"}"), Instant.now().getEpochSecond(), SECRET);
    assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
    assertThat(quotas.effectivePlan(parent.organization(), parent.userId()).code()).as("back to the organization's plan").isEqualTo("free");
  }

  @Test
  void anOrganizationMovesToThePlanOfThePriceItPaysFor() {
    jdbc.sql("UPDATE plan SET external_price_id = 'price_district_yearly' WHERE code = 'district'").update();
    var org = organizations.create("Hillcrest Schools", "billing-hillcrest", OrganizationType.K12_DISTRICT);
    HttpResponse<String> moved = deliver(event("evt_" + UUID.randomUUID(), "subscription.updated", "{\"organization\":\"" + org.id().value() + "\",\"price\":\"price_district_yearly\"}"), Instant.now().getEpochSecond(), SECRET);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(organizations.settings(org.id()).pricing().basePlan()).isEqualTo("district");
    HttpResponse<String> other = deliver(event("evt_" + UUID.randomUUID(), "invoice.paid", "{}"), Instant.now().getEpochSecond(), SECRET);
    assertThat(json(other).path("outcome").asString()).isEqualTo("ignored: type invoice.paid");
  }

  @Test
  void unsignedWronglySignedReplayedAndUnknownDeliveriesAreRefused() {
    Caller parent = familyParent();
    String body = event("evt_" + UUID.randomUUID(), "subscription.activated", "{\"account\":\"" + parent.userId() + "\",\"plan\":\"premium\"}");
    long now = Instant.now().getEpochSecond();
    assertThat(deliver(body, (String) null).statusCode()).isEqualTo(401);
    HttpResponse<String> forged = deliver(body, now, "not-the-secret");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    HttpResponse<String> tampered = deliver(body.replace("premium", "family"), "t=" + now + ",v1=" + HexFormat.of().formatHex(BillingEvents.sign(SECRET, now, body.getBytes(StandardCharsets.UTF_8))));
    assertThat(tampered.statusCode()).as("the body was changed after signing").isEqualTo(401);
    HttpResponse<String> replayed = deliver(body, now - 600, SECRET);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayed.body()).contains("replay");
    assertThat(quotas.effectivePlan(parent.organization(), parent.userId()).code()).as("none of those changed anything").isNotEqualTo("premium");

    HttpResponse<String> nobody = deliver(event("evt_" + UUID.randomUUID(), "subscription.activated", "{\"account\":\"" + UUID.randomUUID() + "\",\"plan\":\"family\"}"), now, SECRET);
    assertThat(nobody.statusCode()).isEqualTo(422);
    HttpResponse<String> noPlan = deliver(event("evt_" + UUID.randomUUID(), "subscription.activated", "{\"account\":\"" + parent.userId() + "\",\"plan\":\"gold\"}"), now, SECRET);
    assertThat(noPlan.statusCode()).isEqualTo(422);
    assertThat(deliver("not json", now, SECRET).statusCode()).isEqualTo(400);
    assertThat(deliver(body, now, SECRET).statusCode()).as("the good delivery still works").isEqualTo(200);
    assertThat(Map.of("plan", quotas.effectivePlan(parent.organization(), parent.userId()).code())).containsEntry("plan", "premium");
  }
}
