package org.vividly.billing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.billing.internal.BillingProperties;
import org.vividly.common.VividlyException;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.quota.Plan;
import org.vividly.quota.Quotas;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.Organizations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles a payment provider's webhook: checks the signature and its age, then moves a person or an
 * organization to the plan the event names, once per event id.
 *
 * <p>An event: {@code {"id": "evt_1", "type": "subscription.activated" | "subscription.updated" |
 * "subscription.canceled", "data": {"account": "<person id>" | "organization": "<organization id>",
 * "plan": "<plan code>" | "price": "<the provider's price id>"}}}. A cancellation returns a person to
 * their organization's base plan, an organization to Free.
 */
@Service
@EnableConfigurationProperties(BillingProperties.class)
public class BillingEvents {

  private static final Logger log = LoggerFactory.getLogger(BillingEvents.class);

  private final BillingProperties properties;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Accounts accounts;
  private final Quotas quotas;
  private final Organizations organizations;

  BillingEvents(BillingProperties properties, JdbcClient jdbc, JsonMapper json, Accounts accounts, Quotas quotas, Organizations organizations) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.json = json;
    this.accounts = accounts;
    this.quotas = quotas;
    this.organizations = organizations;
  }

  /**
   * @param duplicate whether this event id was handled before (nothing changed this time)
   * @param outcome what it did, for example {@code account 6f1c... now on family}
   */
  public record Outcome(String eventId, boolean duplicate, String outcome) {}

  /**
   * @param signature the {@code Vividly-Signature} header
   * @param body the request body exactly as received
   * @throws BillingRefused 404 when no secret is configured, 401 for a missing or wrong signature,
   *     400 for a delivery older than the tolerance or a malformed event, 422 for an event naming an
   *     unknown person, organization or plan
   */
  @Transactional
  public Outcome receive(String signature, byte[] body, Instant now) {
    if (properties.webhookSecret().isBlank()) throw new BillingRefused(HttpStatus.NOT_FOUND, "The billing webhook is off: set vividly.billing.webhook-secret");
    verify(signature, body, now);
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (JacksonException e) {
      throw new BillingRefused(HttpStatus.BAD_REQUEST, "The event is not JSON");
    }
    String id = event.path("id").asString("");
    String type = event.path("type").asString("");
    if (id.isBlank() || type.isBlank()) throw new BillingRefused(HttpStatus.BAD_REQUEST, "The event has no id or type");
    Optional<String> before = jdbc.sql("SELECT outcome FROM billing_event WHERE id = ?").param(id).query(String.class).optional();
    if (before.isPresent()) return new Outcome(id, true, before.get());
    String outcome = apply(type, event.path("data"));
    // The unique id keeps a delivery racing this one from applying the event a second time.
    if (jdbc.sql("INSERT INTO billing_event (id, type, outcome) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING").params(id, type, outcome).update() == 0) {
      throw new BillingRefused(HttpStatus.CONFLICT, "Event " + id + " is being handled by another delivery; it is answered once that one ends");
    }
    log.info("Billing event {} ({}): {}", id, type, outcome);
    return new Outcome(id, false, outcome);
  }

  private String apply(String type, JsonNode data) {
    boolean cancel = type.equals("subscription.canceled");
    if (!cancel && !type.equals("subscription.activated") && !type.equals("subscription.updated")) return "ignored: type " + type;
    Plan plan = cancel ? null : plan(data);
    try {
      if (data.hasNonNull("account")) {
        Account account = accounts.find(uuid(data, "account")).orElseThrow(() -> new BillingRefused(HttpStatus.UNPROCESSABLE_CONTENT, "No person " + data.path("account").asString()));
        quotas.changePlan(account.organization(), account.id(), plan == null ? null : plan.code());
        return "account " + account.id() + " now on " + (plan == null ? "its organization's plan" : plan.code());
      }
      if (data.hasNonNull("organization")) {
        OrganizationId org = new OrganizationId(uuid(data, "organization"));
        if (organizations.find(org).isEmpty()) throw new BillingRefused(HttpStatus.UNPROCESSABLE_CONTENT, "No organization " + org.value());
        OrganizationSettings s = organizations.settings(org);
        String code = plan == null ? "free" : plan.code();
        organizations.updateSettings(org, new OrganizationSettings(s.libraries(), new OrganizationSettings.Pricing(code, s.pricing().individualUpgrades()), s.compliance(), s.features()));
        return "organization " + org.value() + " now on " + code;
      }
    } catch (BillingRefused e) {
      throw e;
    } catch (VividlyException e) {
      throw new BillingRefused(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
    throw new BillingRefused(HttpStatus.BAD_REQUEST, "The event's data names neither an account nor an organization");
  }

  private Plan plan(JsonNode data) {
    if (data.hasNonNull("plan")) return quotas.plan(data.path("plan").asString()).orElseThrow(() -> new BillingRefused(HttpStatus.UNPROCESSABLE_CONTENT, "No plan " + data.path("plan").asString()));
    if (data.hasNonNull("price")) {
      try {
        return quotas.planForExternalPrice(data.path("price").asString());
      } catch (VividlyException e) {
        throw new BillingRefused(HttpStatus.UNPROCESSABLE_CONTENT, "No plan has the price " + data.path("price").asString());
      }
    }
    throw new BillingRefused(HttpStatus.BAD_REQUEST, "The event names no plan or price");
  }

  private static UUID uuid(JsonNode data, String field) {
    try {
      return UUID.fromString(data.path(field).asString());
    } catch (IllegalArgumentException e) {
      throw new BillingRefused(HttpStatus.BAD_REQUEST, field + " is not an id: " + data.path(field).asString());
    }
  }

  /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}; any v1 may match (the provider rolls secrets). */
  private void verify(String header, byte[] body, Instant now) {
    if (header == null || header.isBlank()) throw new BillingRefused(HttpStatus.UNAUTHORIZED, "The delivery has no Vividly-Signature header");
    Long timestamp = null;
    java.util.List<String> signatures = new java.util.ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) continue;
      if (kv[0].equals("t")) {
        try {
          timestamp = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          throw new BillingRefused(HttpStatus.UNAUTHORIZED, "The signature's timestamp is not a number");
        }
      } else if (kv[0].equals("v1")) {
        signatures.add(kv[1]);
      }
    }
    if (timestamp == null || signatures.isEmpty()) throw new BillingRefused(HttpStatus.UNAUTHORIZED, "The Vividly-Signature header needs t= and v1=");
    byte[] expected = HexFormat.of().formatHex(sign(properties.webhookSecret(), timestamp, body)).getBytes(StandardCharsets.US_ASCII);
    boolean matches = signatures.stream().anyMatch(s -> MessageDigest.isEqual(expected, s.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)));
    if (!matches) throw new BillingRefused(HttpStatus.UNAUTHORIZED, "The signature does not match the body");
    long age = now.getEpochSecond() - timestamp;
    if (Math.abs(age) > properties.tolerance().toSeconds()) throw new BillingRefused(HttpStatus.BAD_REQUEST, "The delivery was signed " + age + " s ago, more than the " + properties.tolerance().toSeconds() + " s allowed: a replay is refused");
  }

  /** The HMAC-SHA256 of {@code <timestamp>.<body>}, as a provider signs a delivery (tests sign with it). */
  public static byte[] sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
