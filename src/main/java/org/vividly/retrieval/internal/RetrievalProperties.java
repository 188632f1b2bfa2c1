package org.vividly.retrieval.internal;

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
 */
@ConfigurationProperties("vividly.retrieval")
public record RetrievalProperties(
    @DefaultValue("onnx") String embedder,
    @DefaultValue("2") int embeddingThreads,
    @DefaultValue("1") int onnxIntraOpThreads,
    @DefaultValue("60") int rrfK,
    @DefaultValue("100") int candidates,
    @DefaultValue OpenAi openai) {

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
