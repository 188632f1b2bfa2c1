package org.vividly.retrieval.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
