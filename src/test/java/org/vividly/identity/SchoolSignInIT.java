package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vividly.support.OidcProvider;
import org.vividly.support.OwnServer;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;

/**
 * Sign-in with a school account against a real OpenID Connect provider (Spring Authorization
 * Server) running in the test, through the whole browser flow: the login page's button, the
 * provider's login form, the code exchange and the ID token. An invited person's first sign-in
 * links their account; a wrong domain, an unverified email and an email without an account are
 * refused with the reason, and nothing is created for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// Closed after the class: its own server and database are used by no other test.
@org.springframework.test.annotation.DirtiesContext
class SchoolSignInIT {

  private static final int PORT = freePort();
  private static final String VIVIDLY = "http://127.0.0.1:" + PORT;
  private static final OidcProvider PROVIDER = new OidcProvider(Map.of(
      "ada", new SimpleEntry<>("ada@lincoln.test", true),
      "nobody", new SimpleEntry<>("nobody@lincoln.test", true),
      "eve", new SimpleEntry<>("eve@elsewhere.test", true),
      "unverified", new SimpleEntry<>("grace@lincoln.test", false)),
      VIVIDLY + "/login/oauth2/code/school");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    OwnServer.register(registry, "oidc");
    registry.add("server.port", () -> PORT);
    registry.add("spring.security.oauth2.client.registration.school.provider", () -> "school");
    registry.add("spring.security.oauth2.client.registration.school.client-id", () -> "vividly");
    registry.add("spring.security.oauth2.client.registration.school.client-secret", () -> "secret");
    registry.add("spring.security.oauth2.client.registration.school.scope", () -> "openid,email,profile");
    registry.add("spring.security.oauth2.client.provider.school.issuer-uri", PROVIDER::issuer);
    registry.add("vividly.sign-in.oidc.school.organization", () -> "lincoln");
    registry.add("vividly.sign-in.oidc.school.email-domains", () -> "lincoln.test");
    registry.add("vividly.sign-in.oidc.school.label", () -> "Lincoln Schools");
  }

  @Autowired Organizations organizations;
  @Autowired Accounts accounts;

  private static String invitation;

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  private Organization lincoln() {
    return organizations.findBySlug("lincoln").orElseGet(() -> organizations.resolve("lincoln"));
  }

  private synchronized void inviteAda() {
    if (invitation != null) return;
    Organization org = lincoln();
    Account ada = accounts.create(org.id(), new NewAccount("ada@lincoln.test", "Ada Lovelace", Role.TEACHER, null, null, null, List.of()));
    invitation = accounts.invite(org.id(), ada.id(), null);
    accounts.create(org.id(), new NewAccount("grace@lincoln.test", "Grace Hopper", Role.STUDENT, null, 8, null, List.of()));
  }

  @Test
  void theLoginPageOffersTheSchoolAccount() throws Exception {
    HttpResponse<String> login = browser().send(HttpRequest.newBuilder(URI.create(VIVIDLY + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.body()).contains("Sign in with Lincoln Schools").contains("href=\"/oauth2/authorization/school\"");
  }

  @Test
  void anInvitedPersonsFirstSignInLinksTheirAccountAndTheInvitationIsUsedUp() throws Exception {
    inviteAda();
    HttpResponse<String> landed = signIn(browser(), "ada");
    assertThat(landed.uri().toString()).startsWith(VIVIDLY + "/");
    assertThat(landed.body()).contains("id=\"signed-in-as\"").contains("Ada Lovelace · teacher");
    Account ada = accounts.findByEmail("ada@lincoln.test").orElseThrow();
    assertThat(ada.activated()).isTrue();
    assertThat(ada.lastSignInAt()).isNotNull();
    assertThat(accounts.invitation(invitation)).as("the invitation link stops working").isEmpty();

    // Later sign-ins find the account by the provider's subject, in a new browser.
    HttpResponse<String> again = signIn(browser(), "ada");
    assertThat(again.body()).contains("Ada Lovelace · teacher");
  }

  @Test
  void anEmailOfAnotherDomainIsRefused() throws Exception {
    HttpResponse<String> refused = signIn(browser(), "eve");
    assertThat(refused.uri().getPath()).isEqualTo("/login");
    assertThat(refused.body()).contains("Sign-in with Lincoln Schools is for @lincoln.test accounts; eve@elsewhere.test is not one.").doesNotContain("signed-in-as");
    assertThat(accounts.findByEmail("eve@elsewhere.test")).isEmpty();
  }

  @Test
  void noOneEnrolsThemselvesIntoASchool() throws Exception {
    lincoln();
    HttpResponse<String> refused = signIn(browser(), "nobody");
    assertThat(refused.body()).contains("nobody@lincoln.test has no Vividly account at").contains("Ask your school").doesNotContain("signed-in-as");
    assertThat(accounts.findByEmail("nobody@lincoln.test")).as("nothing was created").isEmpty();
  }

  @Test
  void anUnverifiedEmailIsRefused() throws Exception {
    inviteAda();
    HttpResponse<String> refused = signIn(browser(), "unverified");
    assertThat(refused.body()).contains("has not verified grace@lincoln.test").doesNotContain("signed-in-as");
    assertThat(accounts.findByEmail("grace@lincoln.test").orElseThrow().activated()).isFalse();
  }

  /** The browser flow: Vividly's button, the provider's login form, and back. */
  private static HttpResponse<String> signIn(HttpClient browser, String person) throws Exception {
    HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(VIVIDLY + "/oauth2/authorization/school")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.uri().toString()).as("the provider's login form").startsWith(PROVIDER.issuer() + "/login");
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
    assertThat(csrf.find()).as(form.body()).isTrue();
    String body = "username=" + person + "&password=" + URLEncoder.encode(OidcProvider.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(URI.create(PROVIDER.issuer() + "/login")).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
