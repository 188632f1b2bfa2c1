package org.vividly.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real data in {@code ../shared/data} beside the project; tests skip with a message when it is absent. */
public final class SharedData {

  private SharedData() {}

  public static Path require(String relative) {
    Path base = Path.of(System.getenv().getOrDefault("VIVIDLY_SHARED_DATA", "../shared/data")).toAbsolutePath().normalize();
    Path path = base.resolve(relative);
    Assumptions.assumeTrue(Files.exists(path), "Skipped: " + path + " is missing (the shared data folder beside the project, see ../shared/data/README.md)");
    return path;
  }
}
