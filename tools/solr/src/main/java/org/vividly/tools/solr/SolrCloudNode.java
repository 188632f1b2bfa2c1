package org.vividly.tools.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs a local SolrCloud: {@code nodes} Solr nodes and an embedded ZooKeeper, Solr's own {@link
 * MiniSolrCloudCluster}, with everything under {@code dir}. Prints {@code solr.urls=...} (the nodes'
 * base URLs, comma-separated), {@code solr.zk=host:port} and then {@code ready} on standard output,
 * and runs until it is told to stop (SIGTERM), or, with {@code --until-stdin-closes}, until its
 * standard input closes (a test JVM that started it and exits). ZooKeeper's data is kept in {@code
 * dir}, so a cluster started again on the same folder and port has its collections back.
 *
 * <p>Usage: {@code SolrCloudNode <dir> [nodes] [port] [--until-stdin-closes]}; port 0 (the default)
 * picks free ports, and a fixed port needs a single node.
 */
public final class SolrCloudNode {

  private SolrCloudNode() {}

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>(List.of(args));
    boolean untilStdinCloses = positional.remove("--until-stdin-closes");
    if (positional.isEmpty()) {
      System.err.println("Usage: SolrCloudNode <dir> [nodes] [port] [--until-stdin-closes]");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(positional.get(0)).toAbsolutePath());
    int nodes = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 1;
    int port = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 0;
    if (port != 0 && nodes != 1) {
      System.err.println("A fixed port needs a single node; use port 0 for " + nodes + " nodes");
      System.exit(2);
    }
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    // Configsets uploaded over the API are the only ones this cluster has, and Vividly uploads its own.
    System.setProperty("solr.enableRemoteStreaming", "false");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, dir)
        .withJettyConfig(jetty -> jetty.setPort(port).useOnlyHttp1(true).stopAtShutdown(true))
        .formatZkServer(false)
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        cluster.shutdown();
      } catch (Exception e) {
        System.err.println("SolrCloud did not stop cleanly: " + e);
      }
    }));
    StringBuilder urls = new StringBuilder();
    for (JettySolrRunner node : cluster.getJettySolrRunners()) {
      if (!urls.isEmpty()) urls.append(',');
      urls.append(node.getBaseUrl());
    }
    System.out.println("solr.urls=" + urls);
    System.out.println("solr.zk=" + cluster.getZkServer().getZkAddress());
    System.out.println("ready");
    System.out.flush();
    if (untilStdinCloses) {
      while (System.in.read() >= 0) {
        // Input is ignored.
      }
      System.exit(0);
    }
    Thread.currentThread().join();
  }
}
