package org.vividly.requests.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used by this process's finished child processes (the engines it ran): fields
 * {@code cutime} and {@code cstime} of {@code /proc/self/stat} (proc(5)), which count every child
 * the JVM has reaped. A stage's engine CPU is the difference across the stage; with one render
 * worker nothing else runs engines at the same time. Returns 0 where /proc is missing.
 */
final class ChildCpu {

  private static final double TICKS_PER_SECOND = 100;

  private ChildCpu() {}

  static double seconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the command name: state is field 3, so cutime (16) and cstime (17) sit at 13 and 14.
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
