package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/** Sign-in over the API: tokens, expiry, refresh rotation and reuse, revocation, lockout, resets and invitations. */
class SignInIT extends IntegrationTest {

  @Autowired org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Override
  protected String organization() {
    return "sign-in-it";
  }

  HttpResponse<String> post(String path, Object body, String authorization) {
    var request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (authorization != null) request.header("Authorization", authorization);
    return send(request.build());
  }

  HttpResponse<String> getAs(String path, String accessToken) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + accessToken).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode signIn(String email) {
    HttpResponse<String> response = post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  @Test
  void signInGivesA15MinuteJwtAndA7DayRefreshTokenThatWorkOnTheApi() {
    Caller student = member(organization(), Role.STUDENT, "tokens");
    JsonNode tokens = signIn(student.email().toUpperCase());
    assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(tokens.path("expires_in").asLong()).isEqualTo(Duration.ofHours(3).toSeconds()); // tests raise it from 15 minutes
    assertThat(tokens.path("refresh_expires_in").asLong()).isEqualTo(Duration.ofDays(7).toSeconds());
    assertThat(tokens.path("access_token").asString().split("\\.")).hasSize(3);
    HttpResponse<String> me = getAs("/api/v1/me", tokens.path("access_token").asString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json(me).path("email").asString()).isEqualTo(student.email());
    assertThat(json(me).toString()).doesNotContain("password");
  }

  @Test
  void withoutATokenTheApiAnswers401ProblemDetailsAndPagesRedirectToTheLogin() throws Exception {
    HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(url("/api/v1/sources"))).GET().build());
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(json(api).path("type").asString()).isEqualTo("https://vividly.org/problems/unauthorized");
    HttpResponse<String> garbage = send(HttpRequest.newBuilder(URI.create(url("/api/v1/sources"))).header("Authorization", "Bearer not.a.jwt").GET().build());
    assertThat(garbage.statusCode()).isEqualTo(401);
    assertThat(garbage.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url("/my"))).GET().build());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
  }

  @Test
  void anExpiredAccessTokenIsRefused() {
    Caller student = member(organization(), Role.STUDENT, "expired");
    JsonNode tokens = signIn(student.email());
    Caller withSession = sessionOf(student, tokens);
    String expired = this.tokens.accessToken(withSession, Instant.now().minus(Duration.ofHours(4)));
    HttpResponse<String> response = getAs("/api/v1/me", expired);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).path("detail").asString()).containsIgnoringCase("expired");
  }

  @Test
  void refreshRotatesAndReusingAnOldRefreshTokenEndsTheWholeSignIn() {
    Caller student = member(organization(), Role.STUDENT, "rotation");
    JsonNode first = signIn(student.email());
    HttpResponse<String> refreshed = post("/api/v1/auth/refresh", Map.of("refresh_token", first.path("refresh_token").asString()), null);
    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode second = json(refreshed);
    assertThat(second.path("refresh_token").asString()).isNotEqualTo(first.path("refresh_token").asString());
    assertThat(getAs("/api/v1/me", second.path("access_token").asString()).statusCode()).isEqualTo(200);

    // The first refresh token was used: presenting it again is taken as theft.
    HttpResponse<String> reuse = post("/api/v1/auth/refresh", Map.of("refresh_token", first.path("refresh_token").asString()), null);
    assertThat(reuse.statusCode()).isEqualTo(401);
    assertThat(json(reuse).path("detail").asString()).contains("already used");
    assertThat(getAs("/api/v1/me", second.path("access_token").asString()).statusCode()).as("the session is revoked").isEqualTo(401);
    assertThat(post("/api/v1/auth/refresh", Map.of("refresh_token", second.path("refresh_token").asString()), null).statusCode()).isEqualTo(401);
  }

  @Test
  void logoutRevokesTheTokensAtOnce() {
    Caller student = member(organization(), Role.STUDENT, "logout");
    JsonNode tokens = signIn(student.email());
    String access = tokens.path("access_token").asString();
    assertThat(post("/api/v1/auth/logout", Map.of(), "Bearer " + access).statusCode()).isEqualTo(204);
    assertThat(getAs("/api/v1/me", access).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/auth/refresh", Map.of("refresh_token", tokens.path("refresh_token").asString()), null).statusCode()).isEqualTo(401);
  }

  @Test
  void fiveWrongPasswordsLockTheAccountWithAClearMessage() {
    Caller student = member(organization(), Role.STUDENT, "lockout");
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = post("/api/v1/auth/token", Map.of("email", student.email(), "password", "wrong-" + i), null);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(json(wrong).path("detail").asString()).isEqualTo("Wrong email or password");
    }
    HttpResponse<String> locked = post("/api/v1/auth/token", Map.of("email", student.email(), "password", PASSWORD), null);
    assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
    assertThat(json(locked).path("type").asString()).isEqualTo("https://vividly.org/problems/sign-in-locked");
    assertThat(json(locked).path("detail").asString()).contains("locked after too many failed sign-ins").contains("reset your password");
    assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(60L, 900L));
  }

  /** A SignIn with the default limits (the shared test server allows many failures per address) and its own buckets. */
  private SignIn withDefaultLimits() {
    var properties = new org.vividly.ratelimit.internal.RateLimitProperties(true, "memory", new org.vividly.ratelimit.internal.RateLimitProperties.Redis("redis://127.0.0.1:6379", "t:"), 60, 1000, 10, 5, 100, Duration.ofMinutes(15), 20, Duration.ofMillis(20), 3);
    var buckets = new java.util.concurrent.ConcurrentHashMap<String, io.github.bucket4j.Bucket>();
    var store = new org.vividly.ratelimit.RateLimits.Store() {
      io.github.bucket4j.Bucket bucket(String key, io.github.bucket4j.BucketConfiguration c) {
        return buckets.computeIfAbsent(key, k -> io.github.bucket4j.Bucket.builder().addLimit(c.getBandwidths()[0]).build());
      }

      @Override
      public io.github.bucket4j.ConsumptionProbe consume(String key, io.github.bucket4j.BucketConfiguration c) {
        return bucket(key, c).tryConsumeAndReturnRemaining(1);
      }

      @Override
      public void refund(String key, io.github.bucket4j.BucketConfiguration c) {
        bucket(key, c).addTokens(1);
      }
    };
    return new SignIn(accounts, passwordEncoder, new org.vividly.ratelimit.RateLimits(properties, store), organizations);
  }

  @Test
  void failuresForMadeUpEmailsFromASharedAddressNeverLockOutACorrectPassword() {
    SignIn signIn = withDefaultLimits();
    String school = "203.0.113.7";
    // Past the per-address limit of 100: the address is slowed from then on, not locked.
    for (int i = 0; i < 110; i++) {
      String email = "probe" + i + "@nowhere.test";
      assertThatThrownBy(() -> signIn.authenticate(email, "guess", school)).isInstanceOf(SignInRefused.class);
    }
    Caller student = member(organization(), Role.STUDENT, "same-address");
    assertThat(signIn.authenticate(student.email(), PASSWORD, school).userId()).as("a student behind the same address still signs in").isEqualTo(student.userId());
    assertThatThrownBy(() -> signIn.authenticate(student.email(), "still guessing", school)).isInstanceOf(SignInRefused.class);
    assertThat(signIn.authenticate(student.email(), PASSWORD, school).userId()).isEqualTo(student.userId());
  }

  @Test
  void fiveFailuresOfOneAccountFromOneAddressLockItThereOnly() {
    SignIn signIn = withDefaultLimits();
    Caller student = member(organization(), Role.STUDENT, "pair-lock");
    for (int i = 0; i < 5; i++) assertThatThrownBy(() -> signIn.authenticate(student.email(), "guess", "198.51.100.20")).isInstanceOf(SignInRefused.class);
    assertThatThrownBy(() -> signIn.authenticate(student.email(), PASSWORD, "198.51.100.20")).isInstanceOf(SignInLocked.class).hasMessageContaining("locked after too many failed sign-ins");
    assertThat(signIn.authenticate(student.email(), PASSWORD, "198.51.100.21").userId()).as("the student at home is not locked out").isEqualTo(student.userId());
    Caller classmate = member(organization(), Role.STUDENT, "pair-lock-classmate");
    assertThat(signIn.authenticate(classmate.email(), PASSWORD, "198.51.100.20").userId()).as("nor is a classmate at school").isEqualTo(classmate.userId());
  }

  @Test
  void parallelGuessesCannotAllSlipPastOneCheck() throws Exception {
    SignIn signIn = withDefaultLimits();
    Caller student = member(organization(), Role.STUDENT, "parallel-guesses");
    var start = new java.util.concurrent.CountDownLatch(1);
    var refused = new java.util.concurrent.atomic.AtomicInteger();
    var locked = new java.util.concurrent.atomic.AtomicInteger();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 40; i++) {
        String guess = "guess " + i;
        pool.submit(() -> {
          start.await();
          try {
            signIn.authenticate(student.email(), guess, "198.51.100.77");
          } catch (SignInLocked e) {
            locked.incrementAndGet();
          } catch (SignInRefused e) {
            refused.incrementAndGet();
          }
          return null;
        });
      }
      start.countDown();
    }
    assertThat(refused.get()).as("passwords actually checked").isEqualTo(5);
    assertThat(locked.get()).isEqualTo(35);
  }

  @Test
  void twentyFailuresOfOneAccountSpreadOverManyAddressesLockItEverywhere() {
    SignIn signIn = withDefaultLimits();
    Caller student = member(organization(), Role.STUDENT, "spread-lock");
    for (int i = 0; i < 20; i++) {
      String address = "192.0.2." + (i / 4 + 1);
      assertThatThrownBy(() -> signIn.authenticate(student.email(), "guess", address)).isInstanceOf(SignInRefused.class);
    }
    assertThatThrownBy(() -> signIn.authenticate(student.email(), PASSWORD, "192.0.2.200")).isInstanceOf(SignInLocked.class);
  }

  @Test
  void ipv6AddressesCountBy64AndLoopbackIsOneAddress() {
    SignIn signIn = withDefaultLimits();
    Caller student = member(organization(), Role.STUDENT, "ipv6-rotation");
    for (int i = 1; i <= 5; i++) {
      String rotated = "2001:db8:1:2::" + Integer.toHexString(i * 0x1111);
      assertThatThrownBy(() -> signIn.authenticate(student.email(), "guess", rotated)).isInstanceOf(SignInRefused.class);
    }
    assertThatThrownBy(() -> signIn.authenticate(student.email(), PASSWORD, "2001:db8:1:2:ffff:ffff:ffff:ffff")).as("rotating inside one /64 does not escape the lock").isInstanceOf(SignInLocked.class);
    assertThat(signIn.authenticate(student.email(), PASSWORD, "2001:db8:1:3::1").userId()).isEqualTo(student.userId());

    Caller other = member(organization(), Role.STUDENT, "loopback-rotation");
    for (String address : java.util.List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "[::1]", "127.0.0.2", "::ffff:127.0.0.1")) {
      assertThatThrownBy(() -> signIn.authenticate(other.email(), "guess", address)).isInstanceOf(SignInRefused.class);
    }
    assertThatThrownBy(() -> signIn.authenticate(other.email(), PASSWORD, "::1")).as("[::1] is the same address as 127.0.0.1").isInstanceOf(SignInLocked.class);
  }

  @Test
  void withoutATrustedProxyXForwardedForIsIgnored() {
    Caller student = member(organization(), Role.STUDENT, "spoofer");
    var request = HttpRequest.newBuilder(URI.create(url("/api/v1/auth/token"))).header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.99")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", student.email(), "password", PASSWORD))));
    assertThat(send(request.build()).statusCode()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT ip FROM auth_session WHERE user_id = ?").param(student.userId()).query(String.class).list()).allSatisfy(ip -> assertThat(ip).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
  }

  @Test
  void aSignInEndsAfterItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
    Caller student = member(organization(), Role.STUDENT, "long-session");
    JsonNode first = signIn(student.email());
    String session = jdbc.sql("SELECT id::text FROM auth_session WHERE user_id = ? ORDER BY created_at DESC LIMIT 1").param(student.userId()).query(String.class).single();
    // Signed in 29 days and 23 hours ago: a refresh may extend it by one hour at most.
    jdbc.sql("UPDATE auth_session SET created_at = now() - interval '29 days 23 hours' WHERE id = ?::uuid").param(session).update();
    JsonNode second = json(post("/api/v1/auth/refresh", Map.of("refresh_token", first.path("refresh_token").asString()), null));
    Instant expires = jdbc.sql("SELECT expires_at FROM auth_session WHERE id = ?::uuid").param(session).query(java.sql.Timestamp.class).single().toInstant();
    assertThat(expires).isBefore(Instant.now().plus(Duration.ofHours(2)));
    jdbc.sql("UPDATE auth_session SET created_at = now() - interval '31 days' WHERE id = ?::uuid").param(session).update();
    JsonNode third = json(post("/api/v1/auth/refresh", Map.of("refresh_token", second.path("refresh_token").asString()), null));
    assertThat(post("/api/v1/auth/refresh", Map.of("refresh_token", third.path("refresh_token").asString()), null).statusCode()).as("past 30 days the sign-in is over").isEqualTo(401);
  }

  @Test
  void nobodyCanFloodAPersonsInboxWithResetEmails() {
    Caller student = member(organization(), Role.STUDENT, "reset-flood");
    for (int i = 0; i < 6; i++) assertThat(post("/api/v1/auth/password-reset", Map.of("email", student.email()), null).statusCode()).as("the answer never changes").isEqualTo(202);
    assertThat(org.vividly.support.SentEmails.linksTo(student.email())).as("three reset emails an hour at most").hasSize(3);
  }

  @Test
  void aPasswordResetTokenWorksOnceAndEndsEverySignIn() {
    Caller student = member(organization(), Role.STUDENT, "reset");
    JsonNode tokens = signIn(student.email());
    assertThat(post("/api/v1/auth/password-reset", Map.of("email", "nobody@nowhere.test"), null).statusCode()).as("unknown emails look the same").isEqualTo(202);
    String token = accounts.requestPasswordReset(student.email()).orElseThrow().token();
    assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", "short"), null).statusCode()).isEqualTo(400);
    String fresh = accounts.requestPasswordReset(student.email()).orElseThrow().token();
    assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", fresh, "password", "a brand new password"), null).statusCode()).isEqualTo(204);
    assertThat(post("/api/v1/auth/password-reset/confirm", Map.of("token", fresh, "password", "another new password"), null).statusCode()).isEqualTo(401);
    assertThat(getAs("/api/v1/me", tokens.path("access_token").asString()).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/auth/token", Map.of("email", student.email(), "password", "a brand new password"), null).statusCode()).isEqualTo(200);
  }

  @Test
  void anInvitedTeacherChoosesAPasswordAndIsSignedIn() {
    HttpResponse<String> created = postJson("/api/v1/users", Map.of("email", "invited.teacher@sign-in-it.test", "displayName", "Invited Teacher", "role", "teacher"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String link = json(created).path("invitationUrl").asString();
    assertThat(link).contains("/invitations/");
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(post("/api/v1/auth/token", Map.of("email", "invited.teacher@sign-in-it.test", "password", "anything at all"), null).statusCode()).as("no password yet").isEqualTo(401);
    assertThat(json(send(HttpRequest.newBuilder(URI.create(url("/api/v1/invitations/" + token))).GET().build())).path("role").asString()).isEqualTo("teacher");
    HttpResponse<String> accepted = post("/api/v1/invitations/" + token + "/accept", Map.of("password", "teaching is great"), null);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(getAs("/api/v1/me", json(accepted).path("access_token").asString()).statusCode()).isEqualTo(200);
    assertThat(post("/api/v1/invitations/" + token + "/accept", Map.of("password", "teaching is great"), null).statusCode()).as("used once").isEqualTo(401);
  }

  @Test
  void aDeletedAccountsTokensStopWorking() {
    Caller student = member(organization(), Role.STUDENT, "deleted");
    JsonNode tokens = signIn(student.email());
    assertThat(delete("/api/v1/users/" + student.userId()).statusCode()).isEqualTo(204);
    assertThat(getAs("/api/v1/me", tokens.path("access_token").asString()).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/auth/token", Map.of("email", student.email(), "password", PASSWORD), null).statusCode()).isEqualTo(401);
  }

  private Caller sessionOf(Caller caller, JsonNode tokens) {
    String payload = new String(java.util.Base64.getUrlDecoder().decode(tokens.path("access_token").asString().split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    return new Caller(caller.userId(), caller.organization(), caller.role(), caller.email(), caller.displayName(), java.util.UUID.fromString(JSON.readTree(payload).path("sid").asString()));
  }
}
