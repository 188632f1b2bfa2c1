package org.vividly.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an engine's command line with a time limit and measures it: CPU seconds and peak resident
 * memory, sampled from {@code /proc/<pid>} while it runs (ffmpeg's own {@code -benchmark} figures
 * win when present, since a sample can miss the last moments).
 */
public final class Processes {

  private static final Pattern BENCH_TIME = Pattern.compile("bench: utime=([\\d.]+)s stime=([\\d.]+)s");
  private static final Pattern BENCH_RSS = Pattern.compile("bench: maxrss=(\\d+)(?:KiB|kB)");
  private static final long TICKS_PER_SECOND = 100;

  private Processes() {}

  /**
   * @param cpuSeconds user + system CPU time of the process
   * @param peakRssKb its peak resident set size in KiB
   */
  public record Result(String stdout, String stderr, double cpuSeconds, long peakRssKb, double wallSeconds) {}

  /**
   * @param stdin text written to the process's standard input, or null
   * @throws MediaFailed not retriable when the program is missing, the disk is full or the input is
   *     rejected; retriable when it crashed, was killed or timed out
   */
  public static Result run(List<String> command, String stdin, Duration timeout, Path workDir) {
    String program = command.getFirst();
    long start = System.nanoTime();
    Process process;
    try {
      process = new ProcessBuilder(command).directory(workDir == null ? null : workDir.toFile()).start();
    } catch (IOException e) {
      throw new MediaFailed(program + " is not installed or cannot be started (" + e.getMessage() + ").", false, e);
    }
    CompletableFuture<String> out = drain(process.getInputStream(), program + "-" + process.pid() + "-stdout");
    CompletableFuture<String> err = drain(process.getErrorStream(), program + "-" + process.pid() + "-stderr");
    double cpu = 0;
    long rss = 0;
    try {
      try (var in = process.getOutputStream()) {
        if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // The program closed its input early; its exit status tells what happened.
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
        double[] sample = sample(process.pid());
        cpu = Math.max(cpu, sample[0]);
        rss = Math.max(rss, (long) sample[1]);
        if (System.nanoTime() > deadline) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          throw new MediaFailed(program + " did not finish within " + timeout.toSeconds() + " s.", true);
        }
      }
      String stderr = err.get(10, TimeUnit.SECONDS);
      String stdout = out.get(10, TimeUnit.SECONDS);
      Matcher t = BENCH_TIME.matcher(stderr);
      if (t.find()) cpu = Double.parseDouble(t.group(1)) + Double.parseDouble(t.group(2));
      Matcher m = BENCH_RSS.matcher(stderr);
      if (m.find()) rss = Long.parseLong(m.group(1));
      int exit = process.exitValue();
      if (exit != 0) {
        String tail = tail(stderr);
        if (stderr.contains("No space left on device")) throw new MediaFailed("The disk is full: " + program + " could not write its output.", false);
        // Killed by a signal (128 + n) or a crash: another try may succeed.
        throw new MediaFailed(program + " failed with exit status " + exit + ": " + tail, exit > 128);
      }
      return new Result(stdout, stderr, cpu, rss, (System.nanoTime() - start) / 1e9);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new MediaFailed(program + " was interrupted.", true, e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new MediaFailed("Could not read the output of " + program + ".", true, e);
    }
  }

  /** Whether a program can be found on the PATH. */
  public static boolean installed(String program) {
    if (program.contains("/")) return Files.isExecutable(Path.of(program));
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /**
   * Reads a pipe to its end on a platform thread of its own. A virtual thread blocked on a
   * process pipe holds its carrier: the JDK compensates with a spare carrier, but once spares sit
   * idle past their keep-alive (30 s) and exit, two long reads on a 2-core machine leave no carrier
   * for any other virtual thread, the web server's request handlers included (seen on JDK 25).
   */
  private static CompletableFuture<String> drain(InputStream in, String name) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name(name).start(() -> {
      try (in) {
        text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        text.complete("");
      }
    });
    return text;
  }

  /** CPU seconds and VmHWM (KiB) of a live process, or zeros when /proc cannot tell. */
  private static double[] sample(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS_PER_SECOND;
      long rss = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) rss = Long.parseLong(line.replaceAll("\\D", ""));
      }
      return new double[] {cpu, rss};
    } catch (IOException | RuntimeException e) {
      return new double[] {0, 0};
    }
  }

  private static String tail(String stderr) {
    String s = stderr.strip();
    return s.length() <= 400 ? s : "…" + s.substring(s.length() - 400);
  }
}
