package org.vividly.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged product started as a person starts it: {@code ./vividly demo} in a fresh folder with
 * nothing configured, so the data folder is the default relative {@code ./data} and the database
 * the embedded PostgreSQL under it. The folder holds a link to the repository's launcher script and
 * one to the built jar; the script changes to the folder it is called from, so the server's working
 * folder is the fresh one, as a checkout's is. The server's output goes to {@code target/launcher-it/}.
 */
public final class LaunchedServer {

  private static final Pattern RUNNING = Pattern.compile("Vividly is running at (http://localhost:\\d+)");
  private static final Path JAR = Path.of("target", "vividly.jar").toAbsolutePath();

  private final Path folder;
  private final Path log;
  private final Process process;
  private String url;

  private LaunchedServer(Path folder, Path log, Process process) {
    this.folder = folder;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code ./vividly demo --port 0} in {@code folder} and waits until it says where it listens. */
  public static LaunchedServer demo(Path folder, Duration timeout) throws IOException, InterruptedException {
    assertThat(JAR).as("the packaged jar (./mvnw package; failsafe runs after it)").isRegularFile();
    assertThat(Files.getLastModifiedTime(JAR)).as("target/vividly.jar is older than target/classes: run ./mvnw package").isGreaterThanOrEqualTo(newestClass());
    Files.createSymbolicLink(folder.resolve("vividly"), Path.of("vividly").toAbsolutePath());
    Files.createSymbolicLink(Files.createDirectories(folder.resolve("target")).resolve("vividly.jar"), JAR);
    return start(folder, "server.log", timeout);
  }

  /**
   * Starts {@code ./vividly demo} again in the folder of a server that stopped (or was killed), on
   * the data it left; the first start must succeed.
   */
  public LaunchedServer startAgain(String logName, Duration timeout) throws IOException, InterruptedException {
    assertThat(process.isAlive()).as("the previous server is still running").isFalse();
    return start(folder, logName, timeout);
  }

  /** Kills the server's JVM as {@code kill -9} does: no shutdown hooks, nothing stopped in order. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  private static LaunchedServer start(Path folder, String logName, Duration timeout) throws IOException, InterruptedException {
    Path log = Files.createDirectories(Path.of("target", "launcher-it")).resolve(logName).toAbsolutePath();
    Process process = launcher(folder, Map.of(), "demo", "--port", "0").redirectOutput(log.toFile()).start();
    LaunchedServer server = new LaunchedServer(folder, log, process);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (server.url == null) {
      Matcher running = RUNNING.matcher(server.output());
      if (running.find()) server.url = running.group(1);
      else if (!process.isAlive() || System.nanoTime() > deadline) {
        String why = process.isAlive() ? "did not start within " + timeout : "exited with " + process.exitValue();
        AssertionError failed = new AssertionError("./vividly demo " + why + ":\n" + server.output());
        try {
          server.stop();
        } catch (AssertionError e) {
          failed.addSuppressed(e);
        }
        throw failed;
      } else Thread.sleep(250);
    }
    return server;
  }

  public String url() {
    return url;
  }

  /** Everything the server printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public record Run(int exit, String output) {}

  /** Runs a client command of the launcher against this server, in the folder, signed in with {@code token}. */
  public Run client(String token, Duration timeout, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("vividly-client-", ".log");
    try {
      Process client = launcher(folder, Map.of("VIVIDLY_URL", url, "VIVIDLY_TOKEN", token), args).redirectOutput(out.toFile()).start();
      if (!client.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        client.destroyForcibly().waitFor();
        throw new AssertionError("./vividly " + String.join(" ", args) + " did not finish within " + timeout + ":\n" + Files.readString(out));
      }
      return new Run(client.exitValue(), Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * Stops the server as Ctrl+C does and checks it left nothing running: the embedded PostgreSQL is
   * started through pg_ctl, which detaches it from the JVM, so it is found by its data folder.
   */
  public void stop() throws InterruptedException {
    process.destroy();
    boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
    if (!stopped) process.destroyForcibly().waitFor();
    List<ProcessHandle> left = List.of();
    for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); System.nanoTime() < deadline; Thread.sleep(250)) {
      left = namingFolder();
      if (left.isEmpty()) break;
    }
    List<String> described = new ArrayList<>();
    for (ProcessHandle p : left) {
      described.add(p.pid() + " " + p.info().commandLine().orElse("?"));
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    assertThat(stopped).as("the server stopped within 60 s of SIGTERM:\n" + output()).isTrue();
    assertThat(described).as("processes left running after the server stopped").isEmpty();
    // A JVM ended by SIGTERM exits with 128 + 15 once its shutdown hooks have run.
    assertThat(process.exitValue()).as(output()).isIn(0, 143);
  }

  private List<ProcessHandle> namingFolder() {
    String name = folder + "/";
    return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid() && p.info().commandLine().orElse("").contains(name)).toList();
  }

  /** The launcher with no Vividly or Spring settings from this environment, so every default applies. */
  private static ProcessBuilder launcher(Path folder, Map<String, String> settings, String... args) {
    List<String> command = new ArrayList<>(List.of(folder.resolve("vividly").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("VIVIDLY_") || k.startsWith("SPRING_"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(settings);
    return builder;
  }

  private static FileTime newestClass() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("target", "classes"))) {
      return files.filter(Files::isRegularFile).map(f -> {
        try {
          return Files.getLastModifiedTime(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
    }
  }
}
