package org.vividly.retrieval;

import java.util.List;

/**
 * Port to an embedding model: turns text into dense vectors for semantic search.
 *
 * <p>Vectors are L2-normalized {@code float[dimensions()]}. Passages and queries are embedded
 * differently where the model wants it (bge models prefix queries with an instruction).
 *
 * <ul>
 *   <li>{@code OnnxEmbedder}: the embedded default, bge-small-en-v1.5 (quantized, 384
 *       dimensions) in-process through ONNX Runtime.
 *   <li>{@code OpenAiCompatibleEmbedder}: any server speaking {@code POST /v1/embeddings} (Ollama,
 *       vLLM, OpenAI).
 * </ul>
 *
 * @throws EmbeddingFailed when the model cannot embed (the engine is down or rejects the input)
 */
public interface Embedder {

  /** Identifier of the model, stored with each vector so a model change forces re-embedding. */
  String modelId();

  int dimensions();

  /** Embeds passages in one batch; the result has one vector per input, in order. */
  List<float[]> embedPassages(List<String> passages);

  /** Embeds a search query. */
  float[] embedQuery(String query);
}
