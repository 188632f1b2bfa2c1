package org.vividly.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.vividly.media.Processes;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;

/** The chat page in headless Chromium: the answer streams in, and a timestamp citation seeks the player. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatPageBrowserIT extends IntegrationTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  WebDriver browser;
  Caller teacher;
  String conversation;

  @Override
  protected String organization() {
    return "chat-browser-it";
  }

  @BeforeAll
  void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver");
    }
    Path dir = Files.createTempDirectory("chat-browser-");
    Path mp4 = dir.resolve("volcanoes.mp4");
    Processes.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=90:size=320x240:rate=10", "-f", "lavfi", "-i", "sine=frequency=330:duration=90",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", mp4.toString()), null, Duration.ofMinutes(2), null);
    Path vtt = dir.resolve("volcanoes.vtt");
    Files.writeString(vtt, """
        WEBVTT

        00:00:00.000 --> 00:00:20.000
        Welcome back. Today we talk about the rock cycle and how mountains wear down.

        00:00:20.000 --> 00:00:40.000
        Erosion by rivers and glaciers carries sediment to the sea, where it settles in layers.

        00:01:05.000 --> 00:01:25.000
        A volcano erupts when magma rises through the crust, and the lava cools into basalt.
        """);
    teacher = member(organization(), Role.TEACHER, "geologist");
    String auth = "Bearer " + signIn(teacher);
    // Markup in the title goes into the chat page's JSON data block; it must not break the page.
    var uploaded = uploadVideo(auth, mp4, vtt, Map.of("title", "Rocks and volcanoes <!--<script>"));
    assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(202);
    String videoId = JSON.readTree(uploaded.getBody()).path("id").asString();
    assertThat(awaitVideo(videoId, auth, Duration.ofMinutes(2)).path("status").asString()).isEqualTo("ready");
    var started = call("POST", "/api/v1/conversations", Map.of("videoIds", List.of(videoId)), auth);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    conversation = json(started).path("id").asString();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), BrowserConsole.recorded(options));
    browser.get(url("/login"));
    browser.findElement(By.id("email")).sendKeys(teacher.email());
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
  }

  /** Every step ran under the Content-Security-Policy without a refusal. */
  @AfterEach
  void nothingWasRefused() {
    assertThat(BrowserConsole.policyViolations(browser)).as("Content-Security-Policy refusals in the console").isEmpty();
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.quit();
  }

  @Test
  void clickingATimestampCitationMovesThePlayerThere() {
    browser.get(url("/conversations/" + conversation));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
    browser.findElement(By.id("question")).sendKeys("What happens when a volcano erupts?");
    browser.findElement(By.id("send")).click();
    WebElement citation = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#thread article.assistant button.citation")));
    assertThat(citation.getText()).contains("Rocks and volcanoes <!--<script> @ 1:");
    double start = Double.parseDouble(citation.getAttribute("data-start"));
    assertThat(start).isBetween(40.0, 65.0);
    assertThat(browser.findElement(By.cssSelector("#thread article.assistant")).getText()).contains("magma");
    citation.click();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    wait.until(d -> Math.abs(((Number) js.executeScript("return document.getElementById('player').currentTime")).doubleValue() - start) < 1.5);

    // Reloaded from the server, the same answer is there and still seeks.
    browser.get(url("/conversations/" + conversation));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
    browser.findElement(By.cssSelector("#thread article.assistant button.cite")).click();
    wait.until(d -> Math.abs(((Number) js.executeScript("return document.getElementById('player').currentTime")).doubleValue() - start) < 1.5);

    browser.get(url("/conversations"));
    assertThat(browser.findElement(By.id("conversations")).getText()).contains("Rocks and volcanoes");
    assertThat(browser.findElement(By.cssSelector("#conversations td.message-count")).getText()).isEqualTo("2");
  }

  @Test
  void theVideosPageListsTheVideoRefusesBadSubtitlesAndAsksBeforeABulkDelete() throws Exception {
    browser.get(url("/videos"));
    assertThat(browser.findElement(By.id("videos")).getText()).contains("Rocks and volcanoes").contains("ready");
    Path bad = Files.createTempFile("bad-", ".vtt");
    Files.writeString(bad, "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards\n");
    browser.findElement(By.id("subtitles")).sendKeys(bad.toString());
    browser.findElement(By.id("add-video")).click();
    WebElement error = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("video-error")));
    assertThat(error.getText()).contains("ends").contains("before it starts");

    // Bulk deletes ask first (forms.js, since the policy forbids inline handlers).
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.sameDocument = true");
    browser.findElement(By.id("delete-failed")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).isEqualTo("Delete every failed video you may delete?");
    browser.switchTo().alert().dismiss();
    Thread.sleep(500); // long enough for a form post to this server to have replaced the page
    assertThat(js.executeScript("return window.sameDocument === true")).as("nothing sent after no").isEqualTo(true);
    browser.findElement(By.id("delete-failed")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice"))).getText()).isEqualTo("Deleted 0 videos.");
    assertThat(browser.findElement(By.id("videos")).getText()).contains("Rocks and volcanoes");
  }
}
