package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/**
 * Parental consent enforced: below the organization's parentalConsentBelowAge an account cannot
 * sign in until a teacher or admin records a parent's consent; withdrawing it ends the sign-ins.
 */
class ParentalConsentIT extends IntegrationTest {

  @Override
  protected String organization() {
    return "consent-it";
  }

  private void consentBelow(int age) {
    member(organization(), Role.ORG_ADMIN, "admin");
    Organization org = organizations.findBySlug(organization()).orElseThrow();
    OrganizationSettings s = organizations.settings(org.id());
    organizations.updateSettings(org.id(), new OrganizationSettings(s.libraries(), s.pricing(), new OrganizationSettings.Compliance(s.compliance().studentRecordsProtected(), age, s.compliance().dataRetentionDays()), s.features()));
  }

  private HttpResponse<String> signInWithPassword(String email) {
    return call("POST", "/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), null);
  }

  @Test
  void aChildCannotSignInUntilConsentIsRecordedAndAWithdrawalEndsTheirSignIns() {
    consentBelow(13);
    String email = "child-" + System.nanoTime() + "@consent-it.test";
    HttpResponse<String> created = postJson("/api/v1/users", Map.of("email", email, "displayName", "Young Student", "role", "student", "password", PASSWORD, "birthDate", LocalDate.now().minusYears(10).toString()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).path("account").path("id").asString();
    assertThat(json(created).path("account").path("birthDate").asString()).isEqualTo(LocalDate.now().minusYears(10).toString());

    HttpResponse<String> refused = signInWithPassword(email);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("consent").contains("Ask your teacher");
    HttpResponse<String> page = get("/admin");
    assertThat(page.body()).contains("needs a parent's consent").contains("/admin/users/" + id + "/consent");

    Caller otherTeacher = member(organization(), Role.TEACHER, "not-their-teacher");
    assertThat(call("POST", "/api/v1/users/" + id + "/parental-consent", Map.of("given", true), "Bearer " + signIn(otherTeacher)).statusCode()).as("a teacher who does not teach them").isEqualTo(404);

    HttpResponse<String> recorded = postJson("/api/v1/users/" + id + "/parental-consent", Map.of("given", true));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    assertThat(json(recorded).path("parentalConsentAt").isNull()).isFalse();
    HttpResponse<String> signedIn = signInWithPassword(email);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    String token = json(signedIn).path("access_token").asString();
    assertThat(call("GET", "/api/v1/me", null, "Bearer " + token).statusCode()).isEqualTo(200);

    assertThat(postJson("/api/v1/users/" + id + "/parental-consent", Map.of("given", false)).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/me", null, "Bearer " + token).statusCode()).as("the withdrawal ended the sign-in").isEqualTo(401);
    assertThat(signInWithPassword(email).statusCode()).isEqualTo(401);
  }

  @Test
  void olderPeopleAndPeopleWithoutABirthDateAreNotHeld() {
    consentBelow(13);
    String adult = "adult-" + System.nanoTime() + "@consent-it.test";
    assertThat(postJson("/api/v1/users", Map.of("email", adult, "displayName", "Older Student", "role", "student", "password", PASSWORD, "birthDate", LocalDate.now().minusYears(15).toString())).statusCode()).isEqualTo(201);
    assertThat(signInWithPassword(adult).statusCode()).isEqualTo(200);
    String unknown = "unknown-" + System.nanoTime() + "@consent-it.test";
    JsonNode created = json(postJson("/api/v1/users", Map.of("email", unknown, "displayName", "No Birth Date", "role", "student", "password", PASSWORD)));
    assertThat(signInWithPassword(unknown).statusCode()).isEqualTo(200);

    // A birth date set later that makes them a child ends their sign-ins until consent.
    HttpResponse<String> patched = call("PATCH", "/api/v1/users/" + created.path("account").path("id").asString(), Map.of("birthDate", LocalDate.now().minusYears(9).toString()), auth());
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(signInWithPassword(unknown).statusCode()).isEqualTo(401);

    String futureEmail = "future-" + System.nanoTime() + "@consent-it.test";
    HttpResponse<String> future = postJson("/api/v1/users", Map.of("email", futureEmail, "displayName", "Future", "role", "student", "password", PASSWORD, "birthDate", LocalDate.now().plusDays(3).toString()));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("birthDate");
    assertThat(accounts.findByEmail(futureEmail)).as("no half-made account").isEmpty();
    HttpResponse<String> notADate = postJson("/api/v1/users", Map.of("email", futureEmail, "displayName", "Typo", "role", "student", "birthDate", "04/05/2014"));
    assertThat(notADate.statusCode()).isEqualTo(400);
    assertThat(json(notADate).path("detail").asString()).isEqualTo("birthDate: '04/05/2014' is not a date such as 2014-09-01");
  }
}
