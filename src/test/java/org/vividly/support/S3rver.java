package org.vividly.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real S3-protocol server for the tests: the npm package s3rver (pinned in {@code
 * tools/s3rver/package.json}), run by Node on 127.0.0.1 with its objects in a temporary folder.
 * One server per test JVM, started on first use and stopped when the JVM exits. Its credentials
 * are s3rver's fixed {@code S3RVER}/{@code S3RVER}, which it checks signatures against.
 */
public final class S3rver {

  public static final String ACCESS_KEY = "S3RVER";
  public static final String SECRET_KEY = "S3RVER";
  private static final Path HOME = Path.of("tools", "s3rver").toAbsolutePath();
  private static final Pattern LISTENING = Pattern.compile("listening on [^:\\s]+:(\\d+)");
  private static String endpoint;

  private S3rver() {}

  /** The server's URL, for example {@code http://127.0.0.1:40123}; starts it on first call. */
  public static synchronized String endpoint() {
    if (endpoint == null) endpoint = start();
    return endpoint;
  }

  private static String start() {
    try {
      Path script = HOME.resolve("node_modules/s3rver/bin/s3rver.js");
      if (!Files.exists(script)) install();
      Path data = Files.createTempDirectory("vividly-s3rver-");
      Process server = new ProcessBuilder("node", script.toString(), "-d", data.toString(), "-a", "127.0.0.1", "-p", "0", "--no-vhost-buckets")
          .redirectErrorStream(true)
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
      String last = ProcessOutput.awaitReady(server, line -> LISTENING.matcher(line).find(), Duration.ofSeconds(60)).getLast();
      Matcher m = LISTENING.matcher(last);
      m.find();
      String found = m.group(1);
      return "http://127.0.0.1:" + found;
    } catch (Exception e) {
      throw new AssertionError("Could not start s3rver (needs Node 18+ and npm; run: npm ci --prefix tools/s3rver): " + e.getMessage(), e);
    }
  }

  private static void install() throws IOException, InterruptedException {
    Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", HOME.toString())).redirectErrorStream(true).start();
    String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) throw new IOException("npm ci failed: " + out);
  }
}
