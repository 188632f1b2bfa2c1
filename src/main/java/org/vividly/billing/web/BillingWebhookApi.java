package org.vividly.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.billing.BillingEvents;

@RestController
@Tag(name = "Billing", description = "The payment provider's webhook")
class BillingWebhookApi {

  private final BillingEvents events;

  BillingWebhookApi(BillingEvents events) {
    this.events = events;
  }

  @PostMapping(path = "/api/v1/billing/webhook", consumes = "application/json")
  @SecurityRequirements
  @Operation(summary = "A payment provider's event (signed)",
      description = "Header Vividly-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with vividly.billing.webhook-secret>. Moves the account or organization it names to its plan; "
          + "an event id is handled once (a repeat answers duplicate: true). 401 bad signature, 400 too old or malformed, 422 unknown account, organization or plan.")
  BillingEvents.Outcome receive(@RequestHeader(name = "Vividly-Signature", required = false) String signature, @RequestBody byte[] body) {
    return events.receive(signature, body, Instant.now());
  }
}
