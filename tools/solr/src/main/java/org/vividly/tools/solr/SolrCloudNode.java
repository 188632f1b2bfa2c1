package org.vividly.tools.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs a local SolrCloud: {@code nodes} Solr nodes and an embedded ZooKeeper, Solr's own {@link
 * MiniSolrCloudCluster}, with everything under {@code dir}. Prints {@code solr.urls=...} (the nodes'
 * base URLs, comma-separated), {@code solr.zk=host:port} and then {@code ready} on standard output,
 * and runs until standard input closes or the process is told to stop.
 *
 * <p>Usage: {@code SolrCloudNode <dir> [nodes] [first-port]}; port 0 (the default) picks free ports.
 */
public final class SolrCloudNode {

  private SolrCloudNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: SolrCloudNode <dir> [nodes] [first-port]");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
    int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    System.setProperty("solr.log.dir", dir.resolve("logs").toString());
    // Configsets uploaded over the API are the only ones this cluster has, and Vividly uploads its own.
    System.setProperty("solr.enableRemoteStreaming", "false");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, dir)
        .withJettyConfig(jetty -> jetty.setPort(port).useOnlyHttp1(true).stopAtShutdown(true))
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
    // Stop when the parent closes our standard input (a test JVM that exits), or on a signal.
    while (System.in.read() >= 0) {
      // Input is ignored.
    }
    System.exit(0);
  }
}
