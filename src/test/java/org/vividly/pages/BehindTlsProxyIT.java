package org.vividly.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vividly.support.OwnServer;

/**
 * Behind a TLS-terminating proxy that the server trusts, a request is secure
 * ({@code request.isSecure()}), so the answer carries HSTS and Tomcat marks the session cookie
 * {@code Secure}; the same server over plain HTTP sends neither. The proxy settings are this test's
 * own (Tomcat's RemoteIpValve trusting only loopback), whatever the application's are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BehindTlsProxyIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    OwnServer.register(registry, "tls_proxy");
    registry.add("server.forward-headers-strategy", () -> "native");
    registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
  }

  @Value("${local.server.port}")
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRequestTheProxyReceivedOverHttpsGetsHstsAndASecureSessionCookie() throws Exception {
    HttpResponse<String> login = login("https");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
    assertThat(PageChecks.cookieAttributes(sessionCookie(login))).contains("secure", "httponly", "samesite=lax");
  }

  @Test
  void plainHttpGetsNeither() throws Exception {
    HttpResponse<String> login = login(null);
    assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(PageChecks.cookieAttributes(sessionCookie(login))).contains("httponly", "samesite=lax").doesNotContain("secure");
  }

  HttpResponse<String> login(String forwardedProto) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET();
    if (forwardedProto != null) request.header("X-Forwarded-Proto", forwardedProto);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sessionCookie(HttpResponse<String> answer) {
    List<String> cookies = answer.headers().allValues("Set-Cookie");
    return cookies.stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
  }
}
