package org.vividly.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vividly.identity.Account;
import org.vividly.quota.Quotas;
import org.vividly.support.IntegrationTest;
import org.vividly.support.SentEmails;
import tools.jackson.databind.JsonNode;

/**
 * Public sign-up: the verification email, a link that works once, the organization and its admin
 * on a 7-day Family trial, referral codes that extend both trials, and the fall back to Free.
 */
class SignupIT extends IntegrationTest {

  @Autowired SignUps signUps;
  @Autowired Quotas quotas;

  @Override
  protected String organization() {
    return "signup-it";
  }

  private String verificationToken(String email) {
    List<String> links = SentEmails.linksTo(email);
    assertThat(links).as("the verification email").isNotEmpty();
    String link = links.getLast();
    assertThat(link).contains("/signup/verify/");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private HttpResponse<String> signUp(Map<String, Object> body) {
    return call("POST", "/api/v1/signup", body, null);
  }

  @Test
  void aFamilySignsUpVerifiesAndGetsAFamilyTrialThatFallsBackToFree() {
    String email = "parent-" + System.nanoTime() + "@family.test";
    HttpResponse<String> started = signUp(Map.of("kind", "family", "email", email, "name", "Ada Byron", "password", "a long family password"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(accounts.findByEmail(email)).as("nothing until the email is verified").isEmpty();
    String token = verificationToken(email);
    assertThat(call("GET", "/signup/verify/" + token, null, null).body()).contains("Verify my email and start").contains(email);

    HttpResponse<String> verified = call("POST", "/api/v1/signup/" + token + "/verify", null, null);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    JsonNode done = json(verified);
    assertThat(done.path("organization").path("name").asString()).isEqualTo("Ada Byron's family");
    assertThat(done.path("organization").path("type").asString()).isEqualToIgnoringCase("homeschool_group");
    Account parent = accounts.findByEmail(email).orElseThrow();
    assertThat(parent.role().code()).isEqualTo("org_admin");
    assertThat(quotas.effectivePlan(parent.organization(), parent.id()).code()).isEqualTo("family");
    Instant ends = Instant.parse(done.path("trialEndsAt").asString());
    assertThat(ends).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(120), Instant.now().plus(Duration.ofDays(7)).plusSeconds(120));
    assertThat(call("POST", "/api/v1/auth/token", Map.of("email", email, "password", "a long family password"), null).statusCode()).as("signs in with the password chosen").isEqualTo(200);
    assertThat(call("POST", "/api/v1/signup/" + token + "/verify", null, null).statusCode()).as("the link works once").isEqualTo(404);

    signUps.endTrials(Instant.now().plus(Duration.ofDays(6)));
    assertThat(quotas.effectivePlan(parent.organization(), parent.id()).code()).as("not yet").isEqualTo("family");
    signUps.endTrials(Instant.now().plus(Duration.ofDays(8)));
    assertThat(quotas.effectivePlan(parent.organization(), parent.id()).code()).as("the trial fell back").isEqualTo("free");
    assertThat(signUps.trial(parent.id()).orElseThrow().ended()).isTrue();
  }

  @Test
  void aReferralCodeAddsAWeekToBothTrials() {
    String first = "referrer-" + System.nanoTime() + "@family.test";
    signUp(Map.of("kind", "homeschool_group", "email", first, "name", "Grace", "password", "a long family password", "organizationName", "Oak Homeschool Co-op"));
    JsonNode referrer = json(call("POST", "/api/v1/signup/" + verificationToken(first) + "/verify", null, null));
    assertThat(referrer.path("organization").path("name").asString()).isEqualTo("Oak Homeschool Co-op");
    String code = referrer.path("referralCode").asString();
    Instant referrerEnds = Instant.parse(referrer.path("trialEndsAt").asString());

    String second = "referred-" + System.nanoTime() + "@family.test";
    assertThat(signUp(Map.of("email", second, "name", "Alan", "password", "a long family password", "referralCode", code.toLowerCase())).statusCode()).isEqualTo(202);
    JsonNode referred = json(call("POST", "/api/v1/signup/" + verificationToken(second) + "/verify", null, null));
    assertThat(Instant.parse(referred.path("trialEndsAt").asString())).isAfter(Instant.now().plus(Duration.ofDays(13)));
    Account grace = accounts.findByEmail(first).orElseThrow();
    assertThat(signUps.trial(grace.id()).orElseThrow().endsAt()).isEqualTo(referrerEnds.plus(Duration.ofDays(7)));
    assertThat(signUps.trial(grace.id()).orElseThrow().referrals()).isEqualTo(1);
  }

  @Test
  void badSignUpsAreRefusedAndAnExistingEmailIsNotRevealed() {
    assertThat(signUp(Map.of("email", "x@family.test", "name", "X", "password", "short")).statusCode()).isEqualTo(400);
    assertThat(signUp(Map.of("kind", "school", "email", "x@family.test", "name", "X", "password", "a long family password")).statusCode()).isEqualTo(400);
    assertThat(signUp(Map.of("email", "x@family.test", "name", "X", "password", "a long family password", "referralCode", "NOSUCHCD")).body()).contains("No one has the referral code");
    assertThat(signUp(Map.of("kind", "homeschool_group", "email", "x@family.test", "name", "X", "password", "a long family password")).body()).contains("needs its name");

    var existing = member(organization(), org.vividly.tenancy.Role.STUDENT, "already-here");
    HttpResponse<String> again = signUp(Map.of("email", existing.email(), "name", "Someone", "password", "a long family password"));
    assertThat(again.statusCode()).as("the same answer as for a new email").isEqualTo(202);
    assertThat(SentEmails.linksTo(existing.email())).as("a note pointing to the password reset, no sign-up link").allSatisfy(l -> assertThat(l).doesNotContain("/signup/verify/")).isNotEmpty();
    assertThat(call("GET", "/signup", null, null).body()).contains("Sign up for Vividly").contains("A homeschool group");

    String flooded = "flooded-" + System.nanoTime() + "@family.test";
    for (int i = 0; i < 6; i++) assertThat(signUp(Map.of("email", flooded, "name", "F", "password", "a long family password")).statusCode()).isEqualTo(202);
    assertThat(SentEmails.linksTo(flooded)).as("a few emails an hour at most").hasSize(3);
  }
}
