package org.vividly.pages;

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
import org.vividly.support.QuizLessons;
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
    assertThat(ingest("light.md", QuizLessons.NOTES.getBytes(StandardCharsets.UTF_8)).path("status").asString()).isEqualTo("succeeded");
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
    new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "after signing in as " + who.email() + " the browser shows " + browser.getCurrentUrl())
        .until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
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
    WebElement me = new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
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
    assertThat(new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("admin-error"))).getText()).contains("must not contain '<' or '>'");
    assertThat(accounts.findByEmail("new.person@browser-it.test")).isEmpty();
    form = browser.findElement(By.id("add-person"));
    form.findElement(By.name("displayName")).sendKeys("New Person");
    form.findElement(By.name("email")).sendKeys("new.person@browser-it.test");
    form.findElement(By.cssSelector("button")).click();
    // The form posts and the page comes back with the link: wait for it rather than race the reload.
    assertThat(new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("invitation-link"))).getText()).contains("/invitations/");
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
    // The key idea and each step, whichever the composer wrote, cite their passage.
    var cited = browser.findElements(By.cssSelector(".lesson #key-idea, .lesson .steps li.paragraph"));
    assertThat(cited).isNotEmpty();
    for (WebElement p : cited) assertThat(p.findElements(By.cssSelector(".cite a"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector(".lesson .hook")).getText()).containsIgnoringCase("art");

    WebElement cite = cited.getFirst().findElement(By.cssSelector(".cite a"));
    assertThat(cite.getDomAttribute("href")).as("without script the link opens the passage page").startsWith("/passages/").contains("lesson=");
    cite.click();
    WebElement passage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#passage-dialog[open] #passage")));
    assertThat(passage.getText()).contains("sunlight enters raindrops").contains("Rainbows");
    assertThat(passage.findElement(By.cssSelector("mark.cited")).getText()).as("the cited sentence is highlighted").contains("sunlight enters raindrops");
    assertThat(PageChecks.telemetry(passage.getText())).as("a student sees no passage ids or token counts").isEmpty();
    Path shot = Path.of("target/screenshots/ask-page.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Autowired org.vividly.lessons.internal.LessonStore lessonStore;
  @Autowired org.vividly.sources.Sources sources;

  /** A lesson of the student's with one check question of each kind (see {@link QuizLessons}). */
  org.vividly.lessons.Lesson quizLesson(String section) {
    var org = student.organization();
    var source = sources.list(org).stream().filter(s -> s.title().equals("Light")).findFirst().orElseThrow();
    var passage = sources.sectionPassages(org, sources.get(org, source.id()).sections().getFirst().id()).getFirst();
    var lesson = QuizLessons.refraction(passage, section);
    lessonStore.save(org, student.userId(), lesson);
    return lesson;
  }

  @Test
  void onAPhoneTheLessonReadsKeyIdeaFirstOpensCitationsInADialogAndAnswersQuestions() throws Exception {
    var lesson = quizLesson("Phone");
    var js = (org.openqa.selenium.JavascriptExecutor) browser;
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(url("/lessons/" + lesson.id()));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
      assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
      WebElement keyIdea = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-idea")));
      assertThat(keyIdea.getText()).contains("Refraction is the bending of light");
      WebElement firstStep = browser.findElement(By.cssSelector(".steps li"));
      assertThat(keyIdea.getRect().getY()).as("the key idea comes before the steps").isLessThan(firstStep.getRect().getY());
      assertThat(keyIdea.getRect().getY()).as("the key idea is near the top of the page").isLessThan(844);
      assertThat(((Number) js.executeScript("return document.querySelector('article.lesson').getBoundingClientRect().right")).doubleValue()).as("the lesson fits the phone").isLessThanOrEqualTo(390);
      assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue()).as("nothing widens the page past the phone").isLessThanOrEqualTo(390);
      screenshot("lesson-390-top.png");

      String text = browser.findElement(By.cssSelector("main")).getText();
      assertThat(PageChecks.telemetry(text)).as("a student sees no engineering numbers").isEmpty();
      assertThat(text).doesNotContain("passage " + lesson.citations().getFirst().passageId());

      // Key terms: bold, with the glossary definition on focus.
      WebElement term = browser.findElement(By.cssSelector(".steps .term"));
      assertThat(term.findElement(By.tagName("strong")).getText()).isEqualToIgnoringCase("refraction");
      assertThat(term.findElement(By.cssSelector(".definition")).isDisplayed()).isFalse();
      js.executeScript("arguments[0].focus()", term);
      assertThat(term.findElement(By.cssSelector(".definition")).getText()).contains("bending of light");
      assertThat(browser.findElement(By.id(term.getDomAttribute("aria-describedby"))).getText()).contains("bending of light");

      // Citations are targets of at least 24 by 24 CSS pixels (WCAG 2.2, 2.5.8).
      var cites = browser.findElements(By.cssSelector(".cite a"));
      assertThat(cites).isNotEmpty();
      for (WebElement c : cites) {
        var size = c.getRect();
        assertThat(size.getWidth()).as("width of " + c.getText()).isGreaterThanOrEqualTo(24);
        assertThat(size.getHeight()).as("height of " + c.getText()).isGreaterThanOrEqualTo(24);
      }

      // Tapping [1] opens the passage in a dialog inside the viewport, with the focus in it.
      WebElement cite = firstStep.findElement(By.cssSelector(".cite a"));
      js.executeScript("arguments[0].scrollIntoView({block: 'center'})", cite);
      cite.click();
      WebElement passage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#passage-dialog[open] #passage")));
      WebElement card = browser.findElement(By.cssSelector("#passage-dialog > article"));
      @SuppressWarnings("unchecked")
      var box = (java.util.Map<String, Number>) js.executeScript("const r = arguments[0].getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom, right: r.right, h: window.innerHeight, w: window.innerWidth}", card);
      assertThat(box.get("top").doubleValue()).isGreaterThanOrEqualTo(0);
      assertThat(box.get("left").doubleValue()).isGreaterThanOrEqualTo(0);
      assertThat(box.get("bottom").doubleValue()).isLessThanOrEqualTo(box.get("h").doubleValue());
      assertThat(box.get("right").doubleValue()).isLessThanOrEqualTo(box.get("w").doubleValue());
      assertThat((Boolean) js.executeScript("return document.getElementById('passage-dialog').contains(document.activeElement)")).as("focus moved into the dialog").isTrue();
      WebElement mark = passage.findElement(By.cssSelector("mark.cited"));
      assertThat(mark.getText()).contains("A straw in a glass of water looks broken");
      assertThat(mark.isDisplayed()).isTrue();
      screenshot("lesson-390-citation.png");
      browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("passage-dialog")));
      assertThat((Boolean) js.executeScript("return document.activeElement === arguments[0]", cite)).as("focus returned to the citation").isTrue();

      // A multiple-choice answer, by keyboard: the feedback swaps in with the cited passage.
      WebElement choice = browser.findElement(By.cssSelector("#question-0 input[value='reflection']"));
      js.executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
      choice.sendKeys(" ");
      assertThat(choice.isSelected()).isTrue();
      browser.findElement(By.cssSelector("#question-0 .answer-button")).sendKeys(org.openqa.selenium.Keys.ENTER);
      WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#feedback-0 .verdict")));
      assertThat(verdict.getText()).contains("Not quite").contains("refraction");
      assertThat(browser.findElement(By.cssSelector("#feedback-0 .cited-passage")).getText()).contains("looks broken because of refraction").contains("[1]");
      assertThat((Boolean) js.executeScript("return document.getElementById('feedback-0').contains(document.activeElement)")).as("focus moved to the feedback").isTrue();
      js.executeScript("document.getElementById('question-0').scrollIntoView()");
      screenshot("lesson-390-question.png");
      browser.findElement(By.cssSelector("#question-0 input[value='refraction']")).click();
      browser.findElement(By.cssSelector("#question-0 .answer-button")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#feedback-0 .verdict"), "Right!"));

      // Fill in the blank, sent with Enter.
      WebElement blank = browser.findElement(By.id("question-1-answer"));
      blank.sendKeys("Dispersion" + org.openqa.selenium.Keys.ENTER);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#feedback-1 .verdict"), "Right!"));

      // An exercise: the solution first, then the student's own mark.
      browser.findElement(By.id("question-2-answer")).sendKeys("The light bends at the surface.");
      browser.findElement(By.cssSelector("#question-2 .answer-button")).click();
      WebElement gotIt = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#feedback-2 button[value='right']")));
      assertThat(browser.findElement(By.cssSelector("#feedback-2 .solution")).getText()).contains("Light from the straw bends");
      gotIt.click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#feedback-2 .verdict"), "You marked it right"));
      screenshot("lesson-390.png");

      // Stored: the lesson page shows the answers again, and "My lessons" has the history.
      browser.navigate().refresh();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#feedback-0 .verdict"))).getText()).contains("Right!");
      browser.get(url("/my"));
      assertThat(browser.findElement(By.id("my-answers")).getText()).contains("Which term means").contains("Light > Phone");
      assertThat(browser.findElement(By.cssSelector("#quiz-history .sections")).getText()).contains("mastered").contains("Phone");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  @Test
  void withoutScriptAnAnswerPostsAsAFormAndThePageShowsTheFeedback() {
    var lesson = quizLesson("No script");
    browser.get(url("/lessons/" + lesson.id()));
    var js = (org.openqa.selenium.JavascriptExecutor) browser;
    // What a browser without script does: the form's own POST, then the page it redirects to.
    // form.submit() fires no submit event, so htmx stays out of it, as if there were no script.
    js.executeScript("const f = document.querySelector('#question-1 form'); f.querySelector('input[name=answer]').value = 'prism'; f.submit()");
    WebElement verdict = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#feedback-1 .verdict")));
    assertThat(verdict.getText()).contains("Not quite").contains("dispersion");
    assertThat(browser.getCurrentUrl()).contains("/lessons/" + lesson.id()).endsWith("#question-1");
  }

  @Test
  void aTeacherSeesWhichSectionsTheirStudentsMasteredOrMissed() {
    var lesson = quizLesson("Teacher view");
    quizzes.answer(student, lesson.id(), new org.vividly.quiz.AnswerCommand(QuizLessons.MULTIPLE_CHOICE, "diffraction", null));
    signInAs(teacher);
    browser.get(url("/teach"));
    WebElement row = browser.findElement(By.cssSelector(".mastery-table tr[data-student='" + student.userId() + "']"));
    assertThat(row.findElement(By.cssSelector("td.missed")).getText()).contains("Teacher view");
    row.findElement(By.linkText("student")).click();
    assertThat(browser.findElement(By.cssSelector(".mastery .sections")).getText()).contains("missed").contains("Teacher view");
  }

  @Test
  void aStudentFollowsARequestInPlainStepsAndAnAdminSeesTheStageNumbers() {
    var request = requests.create(student, org.vividly.requests.ContentRequestCommand.of("How does a rainbow form in the rain?", 9, java.util.List.of(), null, java.util.List.of("text"), null, null, null, null, null));
    browser.get(url("/requests/" + request.id()));
    String page = browser.findElement(By.cssSelector("main")).getText();
    assertThat(browser.findElements(By.cssSelector("table.stages"))).isEmpty();
    assertThat(browser.findElement(By.id("friendly-steps")).getText()).contains("Steps");
    assertThat(browser.getPageSource()).contains("Finding the pages of your library");
    assertThat(PageChecks.telemetry(page)).isEmpty();
    signInAs(member(organization(), Role.ORG_ADMIN, "admin"));
    browser.get(url("/requests/" + request.id()));
    assertThat(browser.findElements(By.cssSelector("table.stages"))).isNotEmpty();
    assertThat(browser.getPageSource()).contains("CPU s").contains("Composed by");
  }

  @Autowired org.vividly.quiz.Quizzes quizzes;

  @Test
  void theSchoolOfficePagesFitAPhone() throws Exception {
    Caller admin = member(organization(), Role.SUPER_ADMIN, "phone-super");
    call("POST", "/api/v1/users", java.util.Map.of("email", "phone-invited@browser-it.test", "displayName", "Invited From A Phone", "role", "student"), "Bearer " + signIn(admin));
    String email = json(call("GET", "/api/v1/outbox", null, "Bearer " + signIn(admin))).path("messages").path(0).path("id").asString();
    String collection = json(call("POST", "/api/v1/collections", java.util.Map.of("name", "Phone unit"), "Bearer " + signIn(admin))).path("id").asString();
    call("POST", "/api/v1/collections/" + collection + "/links", java.util.Map.of("days", 7), "Bearer " + signIn(admin));
    var js = (org.openqa.selenium.JavascriptExecutor) browser;
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      signInAs(admin);
      for (String page : java.util.List.of("/admin", "/admin/outbox", "/admin/outbox/" + email, "/admin/rosters", "/admin/organizations/new", "/my/notifications", "/collections/" + collection)) {
        browser.get(url(page));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue()).as(page + " fits 390 px").isLessThanOrEqualTo(390);
        screenshot("office-390" + page.replace('/', '-') + ".png");
      }
      browser.manage().deleteAllCookies();
      browser.get(url("/signup"));
      assertThat(browser.findElement(By.id("signup-form")).isDisplayed()).isTrue();
      assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue()).as("/signup fits 390 px").isLessThanOrEqualTo(390);
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  void screenshot(String name) throws java.io.IOException {
    Path shot = Path.of("target/screenshots/" + name);
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
