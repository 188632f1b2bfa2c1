package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.vividly.support.IntegrationTest;
import org.vividly.support.PageSession;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;

/** The login form sends a person back to the page they were on, and only to a page. */
class PageSignInIT extends IntegrationTest {

  @Override
  protected String organization() {
    return "page-sign-in";
  }

  @Test
  void afterSigningInAPersonLandsOnThePageTheyOpenedNotOnWhatThatPageFetchedMeanwhile() {
    Caller student = member(organization(), Role.STUDENT, "returning");
    PageSession browser = PageSession.anonymous(url(""));
    // The person opens "My lessons" without a session and is sent to the login page.
    HttpResponse<String> opened = browser.get("/my", "Accept", "text/html", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document");
    assertThat(opened.uri().getPath()).isEqualTo("/login");
    // Meanwhile an older tab's video asks for more bytes and its progress fragment is polled by htmx.
    assertThat(browser.get("/requests/" + java.util.UUID.randomUUID() + "/video.mp4", "Accept", "*/*", "Range", "bytes=0-", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "video").uri().getPath()).isEqualTo("/login");
    HttpResponse<String> fragment = browser.get("/my", "Accept", "*/*", "HX-Request", "true", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty");
    assertThat(fragment.statusCode()).as("htmx is told to open the login page whole").isEqualTo(401);
    assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login");

    HttpResponse<String> landed = browser.signInHere(student.email(), PASSWORD);
    assertThat(landed.uri().getPath()).isEqualTo("/my");
    assertThat(landed.body()).contains("id=\"signed-in-as\"");
  }

  @Test
  void aClientWithoutFetchMetadataReturnsToAnHtmlPageButNotToAnImage() throws Exception {
    Caller student = member(organization(), Role.STUDENT, "older-browser");
    PageSession browser = PageSession.anonymous(url(""));
    assertThat(browser.get("/my", "Accept", "text/html,application/xhtml+xml").uri().getPath()).isEqualTo("/login");
    assertThat(browser.get("/sources/cover.png", "Accept", "image/avif,image/webp,*/*").uri().getPath()).isEqualTo("/login");
    assertThat(browser.signInHere(student.email(), PASSWORD).uri().getPath()).isEqualTo("/my");

    HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/my"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).as("a page without a session still redirects").isEqualTo(302);
  }
}
