package org.vividly.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads a started server's standard output until it says it is ready, then keeps draining it. */
final class ProcessOutput {

  private ProcessOutput() {}

  /**
   * The lines {@code process} printed up to and including the first that {@code ready} accepts.
   * Afterwards the rest is read and dropped, or the process would block once the pipe is full.
   *
   * @throws IllegalStateException when the process ends before it is ready
   * @throws java.util.concurrent.TimeoutException when it is not ready within {@code timeout}
   */
  static List<String> awaitReady(Process process, Predicate<String> ready, Duration timeout) throws Exception {
    var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<List<String>> lines = new CompletableFuture<>();
    // A platform thread: a virtual one blocked on this pipe for the whole test run holds a carrier,
    // and a few such can starve the servers' request handlers (see media.Processes#drain).
    Thread.ofPlatform().daemon().name("output-" + process.pid()).start(() -> {
      List<String> seen = new ArrayList<>();
      try {
        for (String line; (line = reader.readLine()) != null; ) {
          if (lines.isDone()) continue;
          seen.add(line);
          if (ready.test(line)) lines.complete(seen);
        }
        lines.completeExceptionally(new IllegalStateException("exited with " + process.waitFor() + " before it was ready: " + String.join("\n", seen)));
      } catch (IOException | InterruptedException e) {
        lines.completeExceptionally(new IllegalStateException(e));
      }
    });
    return lines.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
