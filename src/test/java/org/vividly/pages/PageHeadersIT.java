package org.vividly.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vividly.collections.CollectionDetails;
import org.vividly.collections.Collections;
import org.vividly.media.Processes;
import org.vividly.requests.ContentRequest;
import org.vividly.requests.ContentRequestCommand;
import org.vividly.requests.ContentRequests;
import org.vividly.sources.Sources;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.Role;

/**
 * Every page, signed in through the login form as an organization admin, carries the security
 * headers and holds nothing the Content-Security-Policy would refuse ({@link PageChecks}). Page
 * routes are read from Spring MVC's handler mapping, so a new page is checked as soon as it exists;
 * one with path variables needs an example id here, or the test says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageHeadersIT extends IntegrationTest {

  /** Markup in a video title, which the chat page puts into a JSON data block. */
  static final String VIDEO_TITLE = "Tides </script><!--<script> & moons";

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired Sources sources;
  @Autowired ContentRequests requests;
  @Autowired Collections collections;

  final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
  /** Pages only a super admin opens, fetched as one. */
  static final java.util.Set<String> SUPER_ADMIN_PAGES = java.util.Set.of("/admin/organizations/new");
  final HttpClient superBrowser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
  Map<String, String> examples;
  String conversation;

  @Override
  protected String organization() {
    return "page-headers-it";
  }

  @BeforeAll
  void fixtures() throws Exception {
    Caller admin = member(organization(), Role.ORG_ADMIN, "admin");
    Caller student = member(organization(), Role.STUDENT, "student");
    var job = ingest("tides.md", "# Tides\n\n## Why two tides a day\n\nThe Moon pulls the ocean towards it, and the Earth away from the water on the far side, so two bulges travel round the planet each day.\n".getBytes(StandardCharsets.UTF_8));
    assertThat(job.path("status").asString()).isEqualTo("succeeded");
    var source = sources.list(admin.organization()).getFirst();
    var section = sources.get(admin.organization(), source.id()).sections().getFirst();
    long passage = sources.sectionPassages(admin.organization(), section.id()).getFirst().id();
    ContentRequest request = requests.create(admin, ContentRequestCommand.of("Why are there two tides a day?", 9, List.of(), null, List.of("text"), null, null, null, null, null));
    // The plan menu (it submits itself on change) shows only where individual plans are allowed.
    OrganizationSettings settings = organizations.settings(admin.organization());
    organizations.updateSettings(admin.organization(), new OrganizationSettings(settings.libraries(), new OrganizationSettings.Pricing(settings.pricing().basePlan(), true), settings.compliance(), settings.features()));
    String video = playableVideo();
    var started = call("POST", "/api/v1/conversations", Map.of("videoIds", List.of(video)), auth());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    conversation = json(started).path("id").asString();
    var invited = postJson("/api/v1/users", Map.of("email", "page-invited@" + organization() + ".test", "displayName", "Invited", "role", "student"));
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String email = json(get("/api/v1/outbox")).path("messages").path(0).path("id").asString();
    examples = Map.ofEntries(
        Map.entry("/admin/outbox/{id}", email),
        Map.entry("/invitations/{token}", "no-such-invitation"),
        Map.entry("/password-reset/{token}", "no-such-reset"),
        Map.entry("/signup/verify/{token}", "no-such-signup"),
        Map.entry("/lessons/{id}", request.lessonId().toString()),
        Map.entry("/requests/{id}", request.id().toString()),
        Map.entry("/requests/{id}/progress", request.id().toString()),
        Map.entry("/sources/{id}", source.id().toString()),
        Map.entry("/sections/{id}", section.id().toString()),
        Map.entry("/passages/{id}", Long.toString(passage)),
        Map.entry("/jobs/{id}", job.path("id").asString()),
        Map.entry("/teach/students/{id}", student.userId().toString()),
        // Not the default collection: only others have the delete form.
        Map.entry("/collections/{id}", collections.create(admin, new CollectionDetails("Tides unit", null, null, null, null, List.of())).id().toString()),
        Map.entry("/conversations/{id}", conversation));
    signInThroughTheLoginForm(admin);
    signInThroughTheLoginForm(member(organization(), Role.SUPER_ADMIN, "page-super"), superBrowser);
  }

  @Test
  void everyPageCarriesTheSecurityHeadersAndNoInlineScript() {
    List<String> pages = pageRoutes();
    assertThat(pages).as("page routes from the handler mapping").contains("/", "/login", "/admin", "/videos", "/conversations/{id}").hasSizeGreaterThan(20);
    SoftAssertions softly = new SoftAssertions();
    for (String route : pages) {
      String path = route;
      if (route.contains("{")) {
        String example = examples.get(route);
        softly.assertThat(example).as("an example id for the new page route " + route + " (add one to PageHeadersIT.examples)").isNotNull();
        if (example == null) continue;
        path = route.replaceAll("\\{[^}]+}", example);
      }
      HttpResponse<String> page = get(SUPER_ADMIN_PAGES.contains(route) ? superBrowser : browser, path, null);
      softly.assertThat(page.statusCode()).as("GET " + path).isEqualTo(200);
      PageChecks.headers(softly, "GET " + path, page);
      PageChecks.markup(softly, "GET " + path, page.body());
    }
    HttpResponse<String> search = get(browser, "/search?q=" + URLEncoder.encode("two tides", StandardCharsets.UTF_8), null);
    softly.assertThat(search.body()).as("search results").contains("Why two tides a day");
    PageChecks.markup(softly, "search results", search.body());
    softly.assertAll();
  }

  @Test
  void theAdminPageSubmitsAndConfirmsThroughDataAttributes() {
    var admin = Jsoup.parse(get(browser, "/admin", null).body());
    assertThat(admin.select("select[name=planCode][data-autosubmit]")).isNotEmpty();
    assertThat(admin.select("form[data-confirm]")).isNotEmpty();
    assertThat(admin.select("script[src=/forms.js]")).hasSize(1);
    assertThat(Jsoup.parse(get(browser, "/videos", null).body()).select("form[data-confirm] button.delete-video")).isNotEmpty();
  }

  @Test
  void markupInAVideoTitleStaysInsideTheChatPagesDataBlock() {
    var chat = Jsoup.parse(get(browser, "/conversations/" + conversation, null).body());
    String data = chat.getElementById("playable").data();
    assertThat(data).doesNotContain("<").doesNotContain(">");
    assertThat(JSON.readTree(data).path(0).path("title").asString()).isEqualTo(VIDEO_TITLE);
    assertThat(chat.select("script[src=/chat.js]")).hasSize(1);
  }

  @Test
  void anonymousAnswersCarryTheHeadersTooAndPlainHttpGetsNoHsts() {
    HttpClient anonymous = HttpClient.newHttpClient();
    SoftAssertions softly = new SoftAssertions();
    for (String path : List.of("/login", "/password-reset", "/my", "/no-such-page", "/forms.js", "/actuator/health", "/api/v1/sources", "/v3/api-docs", "/swagger-ui/index.html")) {
      HttpResponse<String> answer = get(anonymous, path, null);
      PageChecks.headers(softly, "anonymous GET " + path, answer);
      softly.assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("HSTS over plain HTTP on " + path).isEmpty();
      if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) PageChecks.markup(softly, "anonymous GET " + path, answer.body());
    }
    PageChecks.headers(softly, "API answer", get(anonymous, "/api/v1/sources", auth()));
    softly.assertAll();
  }

  @Test
  void onlySwaggerUiMayUseInlineStyles() {
    HttpClient anonymous = HttpClient.newHttpClient();
    String pages = get(anonymous, "/login", null).headers().firstValue("Content-Security-Policy").orElseThrow();
    String swagger = get(anonymous, "/swagger-ui/index.html", null).headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(PageChecks.directives(pages).get("style-src")).containsExactly("'self'");
    assertThat(PageChecks.directives(swagger).get("style-src")).containsExactly("'self'", "'unsafe-inline'");
    assertThat(PageChecks.directives(swagger).get("script-src")).containsExactly("'self'");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLaxButNotSecureOverPlainHttp() {
    HttpResponse<String> login = get(HttpClient.newHttpClient(), "/login", null);
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers().map()));
    List<String> attributes = PageChecks.cookieAttributes(cookie);
    assertThat(attributes).contains("httponly", "samesite=lax").doesNotContain("secure");
  }

  /** GET paths of {@code @Controller} methods that render pages (not {@code @ResponseBody}), from this application. */
  List<String> pageRoutes() {
    TreeSet<String> routes = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      Class<?> type = method.getBeanType();
      // The error endpoint renders other requests' failures; the error checks below cover it.
      boolean page = type.getPackageName().startsWith("org.vividly") && AnnotatedElementUtils.hasAnnotation(type, Controller.class) && !org.springframework.boot.webmvc.error.ErrorController.class.isAssignableFrom(type)
          && !AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class) && !method.hasMethodAnnotation(ResponseBody.class);
      var methods = info.getMethodsCondition().getMethods();
      if (page && (methods.isEmpty() || methods.contains(RequestMethod.GET))) routes.addAll(info.getPatternValues());
    });
    return new ArrayList<>(routes);
  }

  /** GET /login for the session and CSRF token, then POST the form, as a browser does. */
  void signInThroughTheLoginForm(Caller who) {
    signInThroughTheLoginForm(who, browser);
  }

  void signInThroughTheLoginForm(Caller who, HttpClient browser) {
    String token = Jsoup.parse(get(browser, "/login", null).body()).select("#login-form input[name=_csrf]").attr("value");
    assertThat(token).as("CSRF token of the login form").isNotBlank();
    String form = "email=" + URLEncoder.encode(who.email(), StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(url("/login"))).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in, not sent back to the form").doesNotContain("error");
  }

  /** A two-second recording with subtitles, titled {@link #VIDEO_TITLE}, uploaded and ready. */
  String playableVideo() throws IOException {
    Path dir = Files.createTempDirectory("page-headers-");
    Path mp4 = dir.resolve("tides.mp4");
    Processes.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=2:size=64x48:rate=5", "-f", "lavfi", "-i", "sine=frequency=330:duration=2",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", mp4.toString()), null, Duration.ofMinutes(1), null);
    Path vtt = dir.resolve("tides.vtt");
    Files.writeString(vtt, "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nThe Moon pulls the sea into two bulges.\n");
    var uploaded = uploadVideo(auth(), mp4, vtt, Map.of("title", VIDEO_TITLE));
    assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(202);
    String id = JSON.readTree(uploaded.getBody()).path("id").asString();
    assertThat(awaitVideo(id, auth(), Duration.ofMinutes(2)).path("status").asString()).isEqualTo("ready");
    return id;
  }

  HttpResponse<String> get(HttpClient client, String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (authorization != null) request.header("Authorization", authorization);
    return send(client, request.build());
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
