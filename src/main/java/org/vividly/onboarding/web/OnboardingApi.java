package org.vividly.onboarding.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.onboarding.Onboarding;
import org.vividly.tenancy.Caller;

@RestController
@Tag(name = "Onboarding", description = "Set up a new organization in one step (super admin)")
class OnboardingApi {

  private final Onboarding onboarding;

  OnboardingApi(Onboarding onboarding) {
    this.onboarding = onboarding;
  }

  @GetMapping("/api/v1/onboarding/templates")
  @Operation(summary = "The settings each type of organization starts with")
  List<Onboarding.TypeTemplate> templates() {
    return onboarding.templates();
  }

  @PostMapping("/api/v1/onboarding")
  @Operation(summary = "Set up an organization (super admin)",
      description = "Type (its settings template), name and slug, email domains, plan, shared library on or off, and the first admins, invited by email. One transaction: any error leaves nothing behind.")
  ResponseEntity<Onboarding.Onboarded> onboard(@RequestBody Onboarding.NewOrganization body, Caller caller) {
    Onboarding.Onboarded done = onboarding.onboard(caller, body);
    return ResponseEntity.created(URI.create("/api/v1/organizations/" + done.organization().id().value())).body(done);
  }
}
