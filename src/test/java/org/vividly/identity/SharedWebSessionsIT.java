package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vividly.VividlyApplication;
import org.vividly.support.IntegrationTest;
import org.vividly.support.OwnServer;
import org.vividly.support.TestDatabase;
import org.vividly.tenancy.Role;

/**
 * Web sessions live in PostgreSQL (Spring Session JDBC): someone who signs in on the login form of
 * one server is signed in on every server of the same database, as behind a load-balancing proxy,
 * and signing out on one ends the session on all.
 */
class SharedWebSessionsIT extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Override
  protected String organization() {
    return "shared-sessions";
  }

  @Test
  void aSessionStartedOnOneServerIsKnownToAnother() throws Exception {
    member(organization(), Role.STUDENT, "roaming");
    String first = "http://localhost:" + port;

    Path data = Files.createTempDirectory("vividly-session-server-");
    try (ConfigurableApplicationContext second = new SpringApplication(VividlyApplication.class).run(
        "--server.port=0", "--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=postgres", "--vividly.storage.data-dir=" + data,
        "--vividly.rate-limit.enabled=false", "--vividly.security.admin-password=" + OwnServer.ADMIN_PASSWORD, "--vividly.security.bcrypt-strength=4")) {
      String other = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();

      HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(first + "/login")).build(), HttpResponse.BodyHandlers.ofString());
      String cookie = sessionCookie(form);
      Matcher csrf = CSRF.matcher(form.body());
      assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
      String body = "email=" + enc("roaming@shared-sessions.test") + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(first + "/login")).header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
      assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
      // Signing in starts a new session (session fixation protection).
      String signedIn = login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("SESSION=")) ? sessionCookie(login) : cookie;
      assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name IS NOT NULL").query(Long.class).single()).isPositive();

      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(other + "/my")).header("Cookie", signedIn).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as("the second server's /my with the first server's session").isEqualTo(200);
      assertThat(page.body()).contains("roaming");

      Matcher pageCsrf = CSRF.matcher(page.body());
      assertThat(pageCsrf.find()).as("the sign-out form's CSRF token").isTrue();
      HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(other + "/logout")).header("Cookie", signedIn).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(pageCsrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(logout.statusCode()).isEqualTo(302);
      HttpResponse<String> afterLogout = http.send(HttpRequest.newBuilder(URI.create(first + "/my")).header("Cookie", signedIn).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(afterLogout.statusCode()).as("the first server after signing out on the second").isEqualTo(302);

      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(other + "/my")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(302);
      assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
