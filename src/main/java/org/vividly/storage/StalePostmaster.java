package org.vividly.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL left running on a data directory by a server that died. PostgreSQL writes its
 * process id on the first line of {@code postmaster.pid} (PostgreSQL documentation, "Database File
 * Layout"); a live process of that id whose program is {@code postgres} is the old server. It is
 * asked for a fast shutdown (SIGINT: roll back open transactions, then exit), and killed only if it
 * has not exited after 30 seconds.
 */
final class StalePostmaster {

  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
  private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

  private StalePostmaster() {}

  /** Call only while holding the data folder's lock. */
  static void stop(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) return;
    List<String> lines = Files.readAllLines(pidFile);
    long pid;
    try {
      pid = Long.parseLong(lines.isEmpty() ? "" : lines.getFirst().strip());
    } catch (NumberFormatException e) {
      log.warn("Removing an unreadable {}", pidFile);
      Files.deleteIfExists(pidFile);
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) return; // PostgreSQL itself removes a lock file whose process is gone.
    String command = process.get().info().command().orElse("");
    if (!Path.of(command).getFileName().toString().startsWith("postgres")) {
      // The id was reused by another program after the old server died.
      log.warn("Removing {}: process {} is not PostgreSQL ({})", pidFile, pid, command);
      Files.deleteIfExists(pidFile);
      return;
    }
    log.warn("A PostgreSQL (process {}) left by a server that stopped without shutting it down is still running on {}; stopping it", pid, dataDirectory);
    signal("INT", pid);
    if (!waitFor(process.get(), FAST_SHUTDOWN)) {
      log.warn("PostgreSQL process {} did not stop within {} s; killing it", pid, FAST_SHUTDOWN.toSeconds());
      process.get().destroyForcibly();
      waitFor(process.get(), Duration.ofSeconds(10));
    }
  }

  private static void signal(String signal, long pid) throws IOException {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // No kill(1): SIGTERM (a smart shutdown) through the JDK instead.
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping PostgreSQL process " + pid, e);
    }
  }

  private static boolean waitFor(ProcessHandle process, Duration timeout) throws IOException {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for PostgreSQL to stop", e);
    }
  }
}
