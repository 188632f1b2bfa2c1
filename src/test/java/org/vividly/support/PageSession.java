package org.vividly.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person using the pages over plain HTTP: the session cookie from the login form, and the CSRF
 * token of the last page read, sent with every form post, as a browser does.
 */
public final class PageSession {

  private final String base;
  private final HttpClient http;
  private String csrf;

  private PageSession(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Signs in through the login form; fails when the form does not sign in. */
  public static PageSession signIn(String base, String email, String password) {
    PageSession session = new PageSession(base);
    session.get("/login");
    HttpResponse<String> after = session.post("/login", Map.of("email", email, "password", password));
    if (after.uri().getPath().startsWith("/login")) throw new AssertionError("signing in as " + email + " failed: " + after.uri());
    return session;
  }

  /** A browser that has not signed in yet. */
  public static PageSession anonymous(String base) {
    return new PageSession(base);
  }

  /** Signs in on the login form in this session and returns the page the form lands on. */
  public HttpResponse<String> signInHere(String email, String password) {
    get("/login");
    return post("/login", Map.of("email", email, "password", password));
  }

  /** A GET with the given header names and values (as a browser's fetch metadata), redirects followed. */
  public HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).headers(headers).GET().build());
  }

  /** A GET that does not follow redirects' targets away from the answer, with HTML accepted. */
  public HttpResponse<String> get(String path) {
    return remember(send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build()));
  }

  /** Posts a form with the CSRF token of the last page read. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (csrf != null) form.put("_csrf", csrf);
    String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return remember(send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build()));
  }

  private HttpResponse<String> remember(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("text/html")) {
      Document page = Jsoup.parse(response.body());
      Element meta = page.selectFirst("meta[name=csrf-token]");
      Element input = page.selectFirst("input[name=_csrf]");
      if (meta != null) csrf = meta.attr("content");
      else if (input != null) csrf = input.attr("value");
    }
    return response;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
