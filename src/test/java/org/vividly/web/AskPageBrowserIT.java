package org.vividly.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vividly.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The ask page in Debian's headless Chromium (driven by Selenium with the system chromedriver; no
 * browser download): ask, read the cited lesson, open a citation, see the sources page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskPageBrowserIT extends IntegrationTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  WebDriver browser;

  @Override
  protected String organization() {
    return "browser-it";
  }

  @BeforeAll
  void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver");
    }
    String notes = "# Rainbows\n\n## How a rainbow forms\n\nA rainbow forms when sunlight enters raindrops and is refracted, reflected inside the drop and refracted again as it leaves. Each color bends by a slightly different amount, so white sunlight spreads into a band of colors from red to violet.\n";
    JsonNode job = ingest("rainbows.md", notes.getBytes(StandardCharsets.UTF_8));
    assertThat(job.path("status").asString()).isEqualTo("succeeded");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), BrowserConsole.recorded(options));
    teacher = member(organization(), Role.TEACHER, "teacher");
    student = member(organization(), Role.STUDENT, "student");
    member(organization(), Role.STUDENT, "other-student");
    var school = schools.createSchool(teacher.organization(), "Browser High " + System.nanoTime());
    var physics = schools.createClass(teacher.organization(), school.id(), teacher.userId(), "Optics", "Physics", 10, java.util.List.of("light"));
    schools.enroll(teacher.organization(), physics.id(), student.userId());
  }

  @Autowired org.vividly.tenancy.Schools schools;
  Caller teacher;
  Caller student;

  /** Signs in through the login page (ending any earlier sign-in). */
  void signInAs(Caller who) {
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.id("email")).sendKeys(who.email());
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
  }

  @org.junit.jupiter.api.BeforeEach
  void asStudent() {
    signInAs(student);
  }

  @Test
  void pagesNeedASignInAndAWrongPasswordIsExplained() {
    browser.manage().deleteAllCookies();
    browser.get(url("/my"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.findElement(By.id("email")).sendKeys(student.email());
    browser.findElement(By.id("password")).sendKeys("not my password");
    browser.findElement(By.id("sign-in")).click();
    assertThat(new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText()).contains("Wrong email or password");
    browser.findElement(By.id("email")).sendKeys(student.email());
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    WebElement me = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    assertThat(me.getText()).contains("student");
    assertThat(browser.findElements(By.linkText("Admin"))).isEmpty();
    assertThat(browser.findElements(By.linkText("Classes"))).isEmpty();
    browser.get(url("/admin"));
    assertThat(browser.getPageSource()).doesNotContain("id=\"people\"");
    browser.get(url("/"));
    browser.findElement(By.id("sign-out")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?signedOut"));
    browser.get(url("/my"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }

  @Test
  void aStudentSeesTheirPlanQuotaAndLessons() {
    requests.create(student, org.vividly.requests.ContentRequestCommand.of("What color bends the most in a rainbow?", 9, java.util.List.of(), null, java.util.List.of("text"), null, null, null, null, null));
    browser.get(url("/my"));
    assertThat(browser.findElement(By.id("my-requests")).getText()).contains("What color bends the most in a rainbow?");
    var usage = quotas.usage(student.organization(), student.userId());
    assertThat(browser.findElement(By.id("my-quota")).getText()).contains("Text lessons").contains(Integer.toString(usage.text().limit()));
    assertThat(browser.findElement(By.cssSelector("#plan h2")).getText()).contains(usage.plan().name());
  }

  @Autowired org.vividly.quota.Quotas quotas;
  @Autowired org.vividly.requests.ContentRequests requests;

  @Test
  void aTeacherSeesTheirClassRosterAndAStudentsLessons() {
    requests.create(student, org.vividly.requests.ContentRequestCommand.of("Why is the sky blue in my optics class?", 10, java.util.List.of(), null, java.util.List.of("text"), null, null, null, null, null));
    signInAs(teacher);
    browser.findElement(By.linkText("Classes")).click();
    WebElement roster = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.roster")));
    assertThat(roster.getText()).contains("student").doesNotContain("other-student");
    browser.findElement(By.linkText("student")).click();
    assertThat(browser.findElement(By.id("student-quota")).getText()).contains("plan");
    assertThat(browser.findElement(By.id("student-requests")).getText()).contains("Why is the sky blue in my optics class?");
    browser.get(url("/teach/students/" + member(organization(), Role.STUDENT, "other-student").userId()));
    assertThat(browser.getPageSource()).doesNotContain("student-quota");
  }

  @Test
  void anAdminManagesPeopleAndSeesValidationErrors() {
    signInAs(member(organization(), Role.ORG_ADMIN, "admin"));
    browser.findElement(By.linkText("Admin")).click();
    assertThat(browser.findElement(By.id("people")).getText()).contains("teacher@browser-it.test").contains("student@browser-it.test");
    WebElement form = browser.findElement(By.id("add-person"));
    form.findElement(By.name("displayName")).sendKeys("<script>alert(1)</script>");
    form.findElement(By.name("email")).sendKeys("new.person@browser-it.test");
    form.findElement(By.cssSelector("button")).click();
    assertThat(browser.findElement(By.id("admin-error")).getText()).contains("must not contain '<' or '>'");
    assertThat(accounts.findByEmail("new.person@browser-it.test")).isEmpty();
    form = browser.findElement(By.id("add-person"));
    form.findElement(By.name("displayName")).sendKeys("New Person");
    form.findElement(By.name("email")).sendKeys("new.person@browser-it.test");
    form.findElement(By.cssSelector("button")).click();
    assertThat(browser.findElement(By.id("invitation-link")).getText()).contains("/invitations/");
    assertThat(browser.findElement(By.id("people")).getText()).contains("new.person@browser-it.test").contains("invited");

    // Allow individual plans, then upgrade the student.
    WebElement settings = browser.findElement(By.id("settings-form"));
    WebElement upgrades = settings.findElement(By.name("individualUpgrades"));
    if (!upgrades.isSelected()) upgrades.click();
    settings.findElement(By.cssSelector("button")).click();
    // The settings form reloads the page; the plan menu appears once upgrades are allowed.
    WebElement plan = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("select[aria-label='Plan of student']")));
    new org.openqa.selenium.support.ui.Select(plan).selectByVisibleText("Plus");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "plus".equals(accounts.get(student.organization(), student.userId()).planCode()));
    assertThat(organizations.settings(student.organization()).pricing().individualUpgrades()).isTrue();
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
  void askingForVideoShowsStageProgressThenPlaysTheNarratedVideoWithCaptionsAndASeekingTranscript() throws Exception {
    browser.get(url("/"));
    browser.findElement(By.id("question")).sendKeys("How does a rainbow form?");
    WebElement video = browser.findElement(By.id("want-video"));
    if (!video.isSelected()) video.click();
    browser.findElement(By.id("ask-button")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
    wait.until(ExpectedConditions.urlContains("/requests/"));
    WebElement player = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
    var js = (org.openqa.selenium.JavascriptExecutor) browser;
    wait.until(d -> ((Number) js.executeScript("return document.getElementById('player').readyState")).intValue() >= 1);
    double duration = ((Number) js.executeScript("return document.getElementById('player').duration")).doubleValue();
    assertThat(duration).isGreaterThan(3);
    wait.until(d -> ((Number) js.executeScript("const t = document.getElementById('player').textTracks[0]; return t && t.cues ? t.cues.length : 0")).intValue() > 0);
    assertThat(((Number) js.executeScript("return document.querySelector('#player track').readyState")).intValue()).isEqualTo(2);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript button.cue")));
    var cues = browser.findElements(By.cssSelector("#transcript button.cue"));
    assertThat(cues.size()).isGreaterThan(1);
    WebElement last = cues.getLast();
    double start = Double.parseDouble(last.getDomAttribute("data-start"));
    js.executeScript("arguments[0].click()", last);
    wait.until(d -> Math.abs(((Number) js.executeScript("return document.getElementById('player').currentTime")).doubleValue() - start) < 0.5);
    assertThat(browser.findElements(By.cssSelector(".plyr"))).as("Plyr wraps the video").isNotEmpty();
    Path shot = Path.of("target/screenshots/request-page.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(player.isDisplayed()).isTrue();
  }

  @Test
  void askingShowsACitedLessonAndACitationOpensItsPassage() throws Exception {
    browser.get(url("/"));
    browser.findElement(By.id("question")).sendKeys("How does a rainbow form?");
    browser.findElement(By.id("interests")).sendKeys("art");
    browser.findElement(By.id("ask-button")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lesson-title")));
    assertThat(title.getText()).isEqualTo("How a rainbow forms");
    var paragraphs = browser.findElements(By.cssSelector(".lesson p.paragraph"));
    assertThat(paragraphs).isNotEmpty();
    for (WebElement p : paragraphs) assertThat(p.findElements(By.cssSelector("sup.cite a"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector(".lesson .hook")).getText()).containsIgnoringCase("art");

    browser.findElement(By.cssSelector(".lesson p.paragraph sup.cite a")).click();
    WebElement passage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#passage-panel #passage")));
    assertThat(passage.getText()).contains("sunlight enters raindrops").contains("Rainbows");
    Path shot = Path.of("target/screenshots/ask-page.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void aRefusedQuestionShowsWhyInThePageThoughItAnswers400() {
    browser.get(url("/"));
    browser.findElement(By.id("question")).sendKeys("   ");
    browser.findElement(By.id("ask-button")).click();
    WebElement error = new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-error")));
    assertThat(error.getText()).contains("Can't ask that");
  }

  @Test
  void anOutOfLibraryQuestionSaysSo() {
    browser.get(url("/"));
    browser.findElement(By.id("question")).sendKeys("Who won the 2010 World Cup?");
    browser.findElement(By.id("ask-button")).click();
    WebElement message = new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("not-in-library")));
    assertThat(message.getText()).contains("not answered in your library");
  }

  @Test
  void theSourcesPageListsSourcesWithTheirContents() {
    browser.get(url("/sources"));
    WebElement link = browser.findElement(By.linkText("Rainbows"));
    link.click();
    assertThat(browser.findElement(By.id("toc")).getText()).contains("How a rainbow forms");
  }

  @Test
  void theApiDocumentationWorksUnderThePolicy() {
    browser.get(url("/swagger-ui"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock .opblock-summary"))).click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock .opblock-body"))).getText()).contains("Parameters");
    assertThat(browser.findElements(By.cssSelector(".opblock")).size()).isGreaterThan(10);
  }

  @Test
  void searchShowsRankedPassages() {
    browser.get(url("/search?q=" + java.net.URLEncoder.encode("refracted raindrops", StandardCharsets.UTF_8)));
    assertThat(browser.findElements(By.cssSelector("article.hit"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector("article.hit a")).getText()).contains("Rainbows");
  }
}
