package org.vividly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vividly.VividlyApplication;
import org.vividly.support.IntegrationTest;
import org.vividly.support.QuizLessons;
import tools.jackson.databind.JsonNode;

/** The command line as a client of a running server: ingest a folder, search, ask, and errors. */
class CliIT extends IntegrationTest {

  @TempDir Path dir;

  @Override
  protected String organization() {
    return "cli-it";
  }

  record Run(int exit, String out, String err) {}

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    System.setProperty("vividly.credentials", dir.resolve("credentials.json").toString());
    member(organization(), org.vividly.tenancy.Role.TEACHER, "teacher");
    Run login = cli("login", "--email", "teacher@" + organization() + ".test", "--password", PASSWORD, "--server", url(""));
    assertThat(login.exit()).as(login.err()).isZero();
    assertThat(login.out()).contains("Signed in to " + url("") + " as teacher (teacher)");
  }

  @org.junit.jupiter.api.AfterEach
  void forgetCredentials() {
    System.clearProperty("vividly.credentials");
  }

  @Test
  void aWrongPasswordIsRefusedAndLogoutEndsTheSignIn() {
    Run wrong = cli("login", "--email", "teacher@" + organization() + ".test", "--password", "not the password", "--server", url(""));
    assertThat(wrong.exit()).isNotZero();
    assertThat(wrong.err()).contains("Wrong email or password").contains("HTTP 401");
    Run logout = cli("logout", "--server", url(""));
    assertThat(logout.exit()).as(logout.err()).isZero();
    Run after = cli("sources", "--server", url(""));
    assertThat(after.exit()).isNotZero();
    assertThat(after.err()).contains("Sign in first: ./vividly login");
  }

  @Test
  void budgetShowsSetsAndRemovesTheMonthlyBudgetForAdminsOnly() {
    Run teacher = cli("budget", "--server", url(""));
    assertThat(teacher.exit()).isNotZero();
    assertThat(teacher.err()).contains("HTTP 403");

    member(organization(), org.vividly.tenancy.Role.ORG_ADMIN, "admin");
    Run login = cli("login", "--email", "admin@" + organization() + ".test", "--password", PASSWORD, "--server", url(""));
    assertThat(login.exit()).as(login.err()).isZero();
    Run set = cli("budget", "--set", "1000000", "--server", url(""));
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("Budget: $1000000.00 a month. Spent in " + java.time.YearMonth.now(java.time.ZoneOffset.UTC) + ": $").contains("No alerts this month.");
    Run shown = cli("budget", "--server", url(""));
    assertThat(shown.out()).isEqualTo(set.out());

    Run bad = cli("budget", "--set", "-5", "--server", url(""));
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("more than 0").contains("HTTP 400");
    Run both = cli("budget", "--set", "5", "--remove", "--server", url(""));
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");

    Run removed = cli("budget", "--remove", "--server", url(""));
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(removed.out()).contains("No monthly budget is set.").contains("./vividly budget --set USD");
  }

  @Test
  void outboxListsTheEmailsWaitingForAMailServerWithTheirLinks() {
    Run teacher = cli("outbox", "--server", url(""));
    assertThat(teacher.exit()).isNotZero();
    assertThat(teacher.err()).contains("Only admins").contains("HTTP 403");

    member(organization(), org.vividly.tenancy.Role.ORG_ADMIN, "admin");
    String invited = "cli-invited-" + System.nanoTime() + "@" + organization() + ".test";
    var created = postJson("/api/v1/users", java.util.Map.of("email", invited, "displayName", "Invited Person", "role", "student"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Run login = cli("login", "--email", "admin@" + organization() + ".test", "--password", PASSWORD, "--server", url(""));
    assertThat(login.exit()).as(login.err()).isZero();
    Run outbox = cli("outbox", "--status", "outbox", "--server", url(""));
    assertThat(outbox.exit()).as(outbox.err()).isZero();
    assertThat(outbox.out()).contains("No mail server is configured").contains("outbox  " + invited + "  You are invited to Vividly")
        .contains("      " + json(created).path("invitationUrl").asString());
    Run none = cli("outbox", "--status", "failed", "--server", url(""));
    assertThat(none.out()).contains("No emails with status failed.");
    Run bad = cli("outbox", "--status", "lost", "--server", url(""));
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("Unknown status 'lost'").contains("HTTP 400");
  }

  Run cli(String... args) {
    PrintStream out = System.out, err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      int exit = VividlyCli.run(VividlyApplication.class, args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void ingestsAFolderThenSearchesAndAsksWithCitations() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(folder.resolve("magnets.md"), "# Magnets\n\n## Poles\n\nEvery magnet has a north pole and a south pole. Opposite poles attract each other and like poles repel each other.\n");
    Files.writeString(folder.resolve("ignored.bin"), "\u0000\u0001");
    String server = url("");
    Run ingest = cli("ingest", folder.toString(), "--server", server);
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    assertThat(ingest.out()).contains("Magnets (markdown): 1 sections").contains("ignored.bin: unknown format").contains("Done: 1 sections");

    Run search = cli("search", "opposite poles attract", "-k", "3", "--server", server);
    assertThat(search.exit()).isZero();
    assertThat(search.out()).contains("1. [score").contains("Magnets > Poles");

    Path out = dir.resolve("lesson");
    Run ask = cli("ask", "Why do opposite magnetic poles attract?", "--grade", "6", "--interests", "soccer", "--out", out.toString(), "--server", server);
    assertThat(ask.exit()).as(ask.err()).isZero();
    assertThat(ask.out()).contains("# Poles").contains("## Explanation").contains("[1]").contains("## Sources").contains("Magnets > Poles (passage ");
    JsonNode json = JSON.readTree(Files.readString(out.resolve("lesson.json")));
    assertThat(json.path("inLibrary").asBoolean()).isTrue();
    assertThat(Files.readString(out.resolve("lesson.md"))).startsWith("# Poles");
  }

  @org.springframework.beans.factory.annotation.Autowired org.vividly.lessons.internal.LessonStore lessons;
  @org.springframework.beans.factory.annotation.Autowired org.vividly.sources.Sources sources;

  @Test
  void quizAsksEachQuestionReadsTheAnswerAndPrintsTheServersFeedback() {
    var teacher = member(organization(), org.vividly.tenancy.Role.TEACHER, "teacher");
    var org = teacher.organization();
    if (sources.list(org).stream().noneMatch(s -> s.title().equals("Light"))) {
      assertThat(ingest("light.md", QuizLessons.NOTES.getBytes(StandardCharsets.UTF_8)).path("status").asString()).isEqualTo("succeeded");
    }
    var source = sources.list(org).stream().filter(s -> s.title().equals("Light")).findFirst().orElseThrow();
    var passage = sources.sectionPassages(org, sources.get(org, source.id()).sections().getFirst().id()).getFirst();
    var lesson = QuizLessons.refraction(passage, "Command line");
    lessons.save(org, teacher.userId(), lesson);

    // "z" is no choice: the server says so and the question is asked again; "maybe" is no mark.
    Run quiz = withInput("\nz\nb\n Dispersion. \nThe light bends at the surface.\nmaybe\ny\n", "quiz", lesson.id().toString(), "--server", url(""));
    assertThat(quiz.exit()).as(quiz.err()).isZero();
    assertThat(quiz.out()).contains("Question 1 of 3 (choose one)", "  b) refraction", "answer must be one of the choices", "Right!", "[1] Light > Command line", "looks broken because of refraction")
        .contains("Question 2 of 3 (fill in the blank)", "Question 3 of 3 (exercise)", "Solution: Light from the straw bends", "You marked it right", "3 of 3 right.");
    JsonNode history = json(call("GET", "/api/v1/me/quiz-history", null, "Bearer " + signIn(teacher)));
    assertThat(history.valueStream().filter(a -> a.path("lessonId").asString().equals(lesson.id().toString())).count()).isEqualTo(3);

    Run stopped = withInput("a\n", "quiz", lesson.id().toString(), "--server", url(""));
    assertThat(stopped.exit()).isEqualTo(6);
    assertThat(stopped.out()).contains("Not quite").contains("Stopped after 1 questions (0 right)");

    // ask --quiz prints the lesson without the answers, then quizzes (here on no input at all).
    Run ask = withInput("", "ask", "Why does a straw in a glass of water look broken?", "--quiz", "--server", url(""));
    assertThat(ask.out()).doesNotContain("*Answer:*");
    assertThat(ask.exit()).as(ask.out() + ask.err()).isIn(0, 3, 6);
    if (ask.exit() == 6) assertThat(ask.out()).contains("Question 1 of");
  }

  @Test
  void chatAnswersEachQuestionFromTheChosenSourcesWithCitations() {
    var teacher = member(organization(), org.vividly.tenancy.Role.TEACHER, "teacher");
    if (sources.list(teacher.organization()).stream().noneMatch(s -> s.title().equals("Light"))) {
      assertThat(ingest("light.md", QuizLessons.NOTES.getBytes(StandardCharsets.UTF_8)).path("status").asString()).isEqualTo("succeeded");
    }
    String light = sources.list(teacher.organization()).stream().filter(s -> s.title().equals("Light")).findFirst().orElseThrow().id().toString();
    Run chat = withInput("Why does a straw look broken in water?\n\n", "chat", "--source", light, "--server", url(""));
    assertThat(chat.exit()).as(chat.err()).isZero();
    assertThat(chat.out()).contains("Conversation \"").contains("> ").contains("[1] Light").contains("Go on later with: ./vividly chat --conversation ");
    String id = chat.out().substring(chat.out().indexOf("--conversation ") + "--conversation ".length()).strip();
    assertThat(json(call("GET", "/api/v1/conversations/" + id, null, "Bearer " + signIn(teacher))).path("messages").size()).as("question and answer stored").isEqualTo(2);

    Run nothing = cli("chat", "--server", url(""));
    assertThat(nothing.exit()).isEqualTo(2);
    assertThat(nothing.err()).contains("--source ID");
  }

  Run withInput(String input, String... args) {
    java.io.InputStream in = System.in;
    System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return cli(args);
    } finally {
      System.setIn(in);
    }
  }

  @Test
  void anOutOfLibraryQuestionExitsWithItsOwnCode() {
    Run ask = cli("ask", "Who won the 2010 World Cup?", "--server", url(""));
    assertThat(ask.exit()).isEqualTo(3);
    assertThat(ask.out()).contains("not answered in your library");
  }

  @Test
  void errorsAreReadable() {
    Run noServer = cli("search", "x", "--server", "http://127.0.0.1:1");
    assertThat(noServer.exit()).isEqualTo(1);
    assertThat(noServer.err()).contains("Vividly is not running at http://127.0.0.1:1");
    Run badK = cli("search", "x", "-k", "0", "--server", url(""));
    assertThat(badK.err()).contains("k must be between 1 and 1000").contains("HTTP 400");
    Run missing = cli("ingest", dir.resolve("nope").toString(), "--server", url(""));
    assertThat(missing.err()).contains("does not exist");
  }

  @Test
  void helpListsTheCommands() {
    Run help = cli("--help");
    assertThat(help.out()).contains("serve", "demo", "ingest", "ask", "quiz", "search", "sources", "reindex", "eval", "bench");
  }
}
