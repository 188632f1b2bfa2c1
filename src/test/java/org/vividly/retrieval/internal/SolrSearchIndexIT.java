package org.vividly.retrieval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.vividly.support.SolrCloud;

/**
 * The contract on a real two-node SolrCloud with ZooKeeper (tools/solr), in a collection of two
 * shards with two replicas each, emptied before every test.
 */
class SolrSearchIndexIT extends SearchIndexContract {

  private static final String COLLECTION = "contract-" + UUID.randomUUID().toString().substring(0, 8);
  private static SolrSearchIndex shared;

  static RetrievalProperties.Solr settings(String collection) {
    return new RetrievalProperties.Solr(SolrCloud.urls(), collection, 2, 2, Duration.ofSeconds(30));
  }

  @Override
  SearchIndex open() {
    if (shared == null) shared = SolrSearchIndex.connect(settings(COLLECTION), 16, 60, 100);
    shared.rollback();
    shared.deleteAll();
    shared.commit();
    return shared;
  }

  @AfterAll
  static void close() {
    if (shared != null) shared.close();
  }

  /**
   * A regression: under load a search failed with "HTTP/1.1 header parser received no bytes" when
   * the node closed a keep-alive connection as it was reused (the student got a 500). Here a proxy
   * in front of a node answers the first connection with nothing; the search must still succeed.
   */
  @Test
  void aConnectionClosedWithoutAnAnswerIsTriedAgain() throws Exception {
    open();
    URI node = URI.create(SolrCloud.urls().getFirst());
    java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    try (var proxy = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread.ofPlatform().daemon().start(() -> {
        while (!proxy.isClosed()) {
          try {
            var client = proxy.accept();
            if (connections.incrementAndGet() == 1) {
              client.getInputStream().read(new byte[8192]);
              client.close();
              continue;
            }
            var upstream = new java.net.Socket(node.getHost(), node.getPort());
            Thread.ofPlatform().daemon().start(() -> pipe(client, upstream));
            Thread.ofPlatform().daemon().start(() -> pipe(upstream, client));
          } catch (java.io.IOException closed) {
            return;
          }
        }
      });
      String url = "http://127.0.0.1:" + proxy.getLocalPort() + node.getPath();
      try (var http = new org.apache.solr.client.solrj.impl.HttpJdkSolrClient.Builder(url).useHttp1_1(true).build()) {
        var viaProxy = new SolrSearchIndex(http, COLLECTION, 60, 100);
        var hits = viaProxy.search(new org.vividly.retrieval.SearchRequest(A, "gravity", 10, org.vividly.retrieval.SearchMode.BM25, java.util.Set.of(), java.util.Set.of(), java.util.Set.of()), null).hits();
        assertThat(hits).isEmpty();
        assertThat(connections.get()).isGreaterThanOrEqualTo(2);
      }
    }
  }

  private static void pipe(java.net.Socket from, java.net.Socket to) {
    try (from; to) {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (java.io.IOException closed) {
      // Either side hung up.
    }
  }

  @Test
  void aSecondServerSeesWhatTheFirstCommittedAndNothingItRolledBack() {
    try (SolrSearchIndex second = SolrSearchIndex.connect(settings(COLLECTION), 16, 60, 100)) {
      index.add(List.of(chunk(A, "text", "refraction bends light entering water", vector(1), section)));
      assertThat(second.search(org.vividly.retrieval.SearchRequest.of(A, "refraction", 10).withMode(org.vividly.retrieval.SearchMode.BM25), null).hits()).isEmpty();
      index.commit();
      assertThat(second.search(org.vividly.retrieval.SearchRequest.of(A, "refraction", 10).withMode(org.vividly.retrieval.SearchMode.BM25), null).hits()).hasSize(1);
      second.add(List.of(chunk(A, "text", "refraction in a prism", vector(2), section)));
      second.rollback();
      second.commit();
      assertThat(index.size()).isEqualTo(1);
    }
  }

  @Test
  void theConfigSetCarriesTheEmbeddersDimensionsAndTheQueryStopWords() throws Exception {
    var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(SolrSearchIndex.configSet(384)));
    java.util.Map<String, String> files = new java.util.HashMap<>();
    for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) files.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(files.get("schema.xml")).contains("vectorDimension=\"384\"").doesNotContain("${dimensions}");
    assertThat(files.get("query-stopwords.txt").lines()).contains("why", "the");
    assertThat(files.get("stopwords.txt").lines()).contains("the").doesNotContain("why");
  }
}
