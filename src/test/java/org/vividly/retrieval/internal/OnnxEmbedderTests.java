package org.vividly.retrieval.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.vividly.retrieval.Embedder;

class OnnxEmbedderTests extends EmbedderContract {

  static OnnxEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new OnnxEmbedder(2, 1);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Override
  Embedder embedder() {
    return embedder;
  }
}
