package org.vividly.retrieval.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval settings.
 *
 * @param embedder {@code onnx} (in-process bge-small-en-v1.5, the default) or {@code openai} (any
 *     OpenAI-compatible {@code /v1/embeddings} server)
 * @param embeddingThreads worker threads embedding passages in parallel; each runs ONNX Runtime
 *     with {@code onnxIntraOpThreads} threads. Workers times intra-op threads should not exceed the
 *     cores: on 2 cores, 2 x 1 was 1.4-1.6x faster than the runtime's defaults.
 * @param onnxIntraOpThreads ONNX Runtime intra-op threads per worker
 * @param rrfK the k constant of reciprocal rank fusion (60 in Cormack et al. 2009)
 * @param candidates how many passages each leg of a hybrid search ranks before fusion
 * @param openai settings of the OpenAI-compatible embedder
 * @param index {@code lucene} (embedded, on disk under the data folder, the default, for one
 *     server) or {@code solr} (a SolrCloud cluster that several servers share)
 * @param solr the SolrCloud cluster, when {@code index=solr}
 */
@ConfigurationProperties("vividly.retrieval")
public record RetrievalProperties(
    @DefaultValue("onnx") String embedder,
    @DefaultValue("2") int embeddingThreads,
    @DefaultValue("1") int onnxIntraOpThreads,
    @DefaultValue("60") int rrfK,
    @DefaultValue("100") int candidates,
    @DefaultValue OpenAi openai,
    @DefaultValue("lucene") String index,
    @DefaultValue Solr solr) {

  /**
   * @param urls base URLs of one or more Solr nodes, for example {@code http://solr1:8983/solr};
   *     SolrJ learns the rest of the cluster from them
   * @param collection the collection holding the chunks, created (with its configset) when missing
   * @param shards shards of a new collection
   * @param replicas replicas of each shard of a new collection
   * @param timeout connection and read timeout of one call
   */
  public record Solr(
      @DefaultValue List<String> urls,
      @DefaultValue("vividly-chunks") String collection,
      @DefaultValue("1") int shards,
      @DefaultValue("1") int replicas,
      @DefaultValue("30s") java.time.Duration timeout) {}

  /**
   * @param baseUrl for example {@code http://localhost:11434/v1} for Ollama
   * @param model embedding model name on that server
   * @param apiKey API key, if the server wants one
   * @param dimensions vector size the model returns
   */
  public record OpenAi(
      @DefaultValue("http://localhost:11434/v1") String baseUrl,
      @DefaultValue("nomic-embed-text") String model,
      @DefaultValue("") String apiKey,
      @DefaultValue("768") int dimensions) {}
}
