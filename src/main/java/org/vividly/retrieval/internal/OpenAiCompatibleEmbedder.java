package org.vividly.retrieval.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.time.Duration;
import java.util.List;
import org.vividly.retrieval.Embedder;
import org.vividly.retrieval.EmbeddingFailed;

/** Embeds through any server that speaks OpenAI's {@code POST /v1/embeddings} (Ollama, vLLM, OpenAI). */
final class OpenAiCompatibleEmbedder implements Embedder {

  private final OpenAiEmbeddingModel model;
  private final String modelName;
  private final int dimensions;

  OpenAiCompatibleEmbedder(RetrievalProperties.OpenAi settings) {
    this.modelName = settings.model();
    this.dimensions = settings.dimensions();
    this.model =
        OpenAiEmbeddingModel.builder()
            .baseUrl(settings.baseUrl())
            .apiKey(settings.apiKey().isBlank() ? "none" : settings.apiKey())
            .modelName(settings.model())
            .timeout(Duration.ofSeconds(60))
            .maxRetries(2)
            .build();
  }

  @Override
  public String modelId() {
    return "openai:" + modelName;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    if (passages.isEmpty()) return List.of();
    try {
      List<float[]> vectors = model.embedAll(passages.stream().map(TextSegment::from).toList()).content().stream().map(Embedding::vector).map(OpenAiCompatibleEmbedder::normalize).toList();
      if (vectors.size() != passages.size()) {
        throw new IllegalStateException("the server returned " + vectors.size() + " vectors for " + passages.size() + " passages");
      }
      return vectors;
    } catch (RuntimeException e) {
      throw new EmbeddingFailed("The embedding server failed: " + e.getMessage(), e);
    }
  }

  @Override
  public float[] embedQuery(String query) {
    return embedPassages(List.of(query)).getFirst();
  }

  static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm == 0) return v;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
    return out;
  }
}
