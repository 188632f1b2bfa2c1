package org.vividly.quota.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.common.NotFound;
import org.vividly.quota.Plan;
import org.vividly.quota.QuotaUsage;
import org.vividly.quota.Quotas;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Visibility;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plans and quotas", description = "Plans, and each person's monthly requests: used, left and when they reset")
class QuotaApi {

  private final Quotas quotas;

  QuotaApi(Quotas quotas) {
    this.quotas = quotas;
  }

  /** @param planCode a plan of audience {@code individual}, or null to fall back to the organization's base plan */
  record PlanChange(String planCode) {}

  @GetMapping("/plans")
  @Operation(summary = "Plans", description = "Monthly text and audio/video requests and price of each plan.")
  List<Plan> plans() {
    return quotas.plans();
  }

  @GetMapping("/me/quota")
  @Operation(summary = "My plan and this month's usage")
  QuotaUsage mine(Caller caller) {
    return quotas.usage(caller.organization(), caller.userId());
  }

  @GetMapping("/users/{id}/quota")
  @Operation(summary = "A person's plan and usage", description = "Teachers: their students; admins: anyone in the organization.")
  QuotaUsage of(@PathVariable UUID id, Caller caller, Visibility visibility) {
    if (!visibility.allows(id)) throw new NotFound("User", id);
    return quotas.usage(caller.organization(), id);
  }

  @PutMapping("/users/{id}/plan")
  @Operation(summary = "Set a person's own plan (org admin)", description = "Only where the organization allows individual upgrades (403 otherwise). A payment provider's webhook will drive the same change.")
  QuotaUsage change(@PathVariable UUID id, @RequestBody PlanChange body, Caller caller) {
    return quotas.changePlan(caller.organization(), id, body.planCode());
  }
}
