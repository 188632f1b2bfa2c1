package org.vividly.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vividly.identity.Account;
import org.vividly.support.IntegrationTest;
import org.vividly.support.SentEmails;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/** A super admin sets up an organization in one step; any bad part leaves nothing behind. */
class OnboardingIT extends IntegrationTest {

  @Override
  protected String organization() {
    return "onboarding-it";
  }

  private String superAdmin() {
    return "Bearer " + signIn(member(organization(), Role.SUPER_ADMIN, "onboarding-super"));
  }

  @Test
  void anOrganizationIsSetUpFromItsTypeWithItsPlanLibraryDomainsAndInvitedAdmins() {
    HttpResponse<String> created = call("POST", "/api/v1/onboarding", Map.of(
        "type", "k12_district", "name", "Riverside Unified", "emailDomains", List.of("Riverside.k12.us"), "plan", "school", "sharedLibrary", false,
        "admins", List.of(Map.of("email", "it-lead@riverside.k12.us", "name", "Pat Lead"), Map.of("email", "deputy@riverside.k12.us", "name", "Sam Deputy"))), superAdmin());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode done = json(created);
    assertThat(done.path("organization").path("slug").asString()).isEqualTo("riverside-unified");
    assertThat(done.path("settings").path("pricing").path("basePlan").asString()).isEqualTo("school");
    assertThat(done.path("settings").path("libraries").path("sharedLibrary").asBoolean(true)).isFalse();
    assertThat(done.path("settings").path("compliance").path("parentalConsentBelowAge").asInt()).as("the district template").isEqualTo(13);
    assertThat(done.path("emailDomains").valueStream().map(JsonNode::asString).toList()).containsExactly("riverside.k12.us");
    Account lead = accounts.findByEmail("it-lead@riverside.k12.us").orElseThrow();
    assertThat(lead.role()).isEqualTo(Role.ORG_ADMIN);
    assertThat(lead.activated()).as("invited, not yet signed in").isFalse();
    assertThat(SentEmails.linksTo("it-lead@riverside.k12.us")).containsExactly(done.path("invitations").path(0).asString());
    assertThat(SentEmails.linksTo("deputy@riverside.k12.us")).hasSize(1);
  }

  @Test
  void aBadPartLeavesNoOrganizationBehind() {
    HttpResponse<String> outside = call("POST", "/api/v1/onboarding", Map.of("type", "single_school", "name", "Hillcrest Academy", "emailDomains", List.of("hillcrest.edu"),
        "admins", List.of(Map.of("email", "admin@hillcrest.edu", "name", "Ok"), Map.of("email", "someone@gmail.com", "name", "Outside"))), superAdmin());
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.body()).contains("someone@gmail.com is not of the organization's email domains");
    assertThat(organizations.findBySlug("hillcrest-academy")).isEmpty();
    assertThat(accounts.findByEmail("admin@hillcrest.edu")).isEmpty();

    HttpResponse<String> plan = call("POST", "/api/v1/onboarding", Map.of("type", "single_school", "name", "Hillcrest Academy", "plan", "platinum", "admins", List.of(Map.of("email", "admin@hillcrest.edu"))), superAdmin());
    assertThat(plan.statusCode()).isEqualTo(400);
    assertThat(plan.body()).contains("Unknown plan 'platinum'");
    assertThat(organizations.findBySlug("hillcrest-academy")).isEmpty();
    assertThat(call("POST", "/api/v1/onboarding", Map.of("type", "castle", "name", "X", "admins", List.of(Map.of("email", "a@x.org"))), superAdmin()).statusCode()).isEqualTo(400);
    assertThat(call("POST", "/api/v1/onboarding", Map.of("type", "single_school", "name", "No Admins"), superAdmin()).statusCode()).isEqualTo(400);
  }

  @Test
  void onlyASuperAdminSetsUpOrganizations() {
    Caller orgAdmin = member(organization(), Role.ORG_ADMIN, "admin");
    HttpResponse<String> refused = call("POST", "/api/v1/onboarding", Map.of("type", "single_school", "name", "Sneaky School", "admins", List.of(Map.of("email", "me@sneaky.org"))), "Bearer " + signIn(orgAdmin));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(organizations.findBySlug("sneaky-school")).isEmpty();
    assertThat(call("GET", "/admin/organizations/new", null, "Bearer " + signIn(orgAdmin)).statusCode()).isEqualTo(403);
  }

  @Test
  void theWizardPageSetsUpAnOrganization() {
    HttpResponse<String> page = call("GET", "/admin/organizations/new", null, superAdmin());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("k12 district").contains("homeschool group").contains("parental consent below 13");
    assertThat(organizations.freeSlug("Écoles de Montréal — Nord", "x")).isEqualTo("ecoles-de-montreal-nord");
    assertThat(organizations.freeSlug("Riverside Unified", "x")).as("taken by the first test or free").startsWith("riverside-unified");
    assertThat(organizations.freeSlug("¿¿??", "family")).isEqualTo("family");

    HttpResponse<String> refused = form("type=single_school&name=Maple+Prep&domains=maple.edu&admins=" + java.net.URLEncoder.encode("Head <head@gmail.com>", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("head@gmail.com is not of the organization").contains("value=\"Maple Prep\"");
    HttpResponse<String> made = form("type=single_school&name=Maple+Prep&domains=maple.edu&sharedLibrary=true&admins=" + java.net.URLEncoder.encode("Head Teacher <head@maple.edu>", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(made.body()).contains("Maple Prep is ready").contains("/invitations/");
    assertThat(organizations.findBySlug("maple-prep")).isPresent();
  }

  private HttpResponse<String> form(String body) {
    try {
      return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/admin/organizations/new"))).header("Authorization", superAdmin())
          .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
