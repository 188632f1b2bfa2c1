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
    assertThat(help.out()).contains("serve", "demo", "ingest", "ask", "search", "sources", "reindex", "eval", "bench");
  }
}
