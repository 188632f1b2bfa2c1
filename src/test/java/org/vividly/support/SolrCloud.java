package org.vividly.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud for the tests: Solr's own MiniSolrCloudCluster (nodes and an embedded
 * ZooKeeper) run by {@code tools/solr} in a JVM of its own, since Solr 9 and the application's
 * Lucene 10 cannot share a class path. Built with the Maven wrapper on first use; one cluster per
 * test JVM, stopped when the JVM exits (it stops when its standard input closes).
 */
public final class SolrCloud {

  private static final Path TOOL = Path.of("tools", "solr").toAbsolutePath();
  private static List<String> urls;

  private SolrCloud() {}

  /** Base URLs of the cluster's two nodes, for example {@code http://127.0.0.1:40123/solr}. */
  public static synchronized List<String> urls() {
    if (urls == null) urls = start(2);
    return urls;
  }

  private static List<String> start(int nodes) {
    try {
      if (!Files.isDirectory(TOOL.resolve("target/lib")) || !Files.isDirectory(TOOL.resolve("target/classes"))) build();
      Path dir = Files.createTempDirectory("vividly-solrcloud-");
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process solr = new ProcessBuilder(javaBin, "-Xmx768m", "-cp", TOOL.resolve("target/classes") + ":" + TOOL.resolve("target/lib") + "/*", "org.vividly.tools.solr.SolrCloudNode", dir.toString(), Integer.toString(nodes), "0", "--until-stdin-closes")
          .redirectError(dir.resolve("solr.log").toFile())
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(solr::destroy));
      List<String> found = new ArrayList<>();
      for (String line : ProcessOutput.awaitReady(solr, "ready"::equals, Duration.ofSeconds(180))) {
        if (line.startsWith("solr.urls=")) found.addAll(List.of(line.substring("solr.urls=".length()).split(",")));
      }
      return found;
    } catch (Exception e) {
      throw new AssertionError("Could not start SolrCloud from tools/solr: " + e.getMessage(), e);
    }
  }

  private static void build() throws IOException, InterruptedException {
    Path mvnw = Path.of("mvnw").toAbsolutePath();
    Process mvn = new ProcessBuilder(mvnw.toString(), "-B", "-q", "-f", TOOL.resolve("pom.xml").toString(), "package").redirectErrorStream(true).start();
    String out = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) throw new IOException("Building tools/solr failed: " + out);
  }
}
