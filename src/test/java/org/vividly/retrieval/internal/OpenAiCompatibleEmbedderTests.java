package org.vividly.retrieval.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vividly.retrieval.Embedder;
import org.vividly.retrieval.EmbeddingFailed;
import org.vividly.support.FakeOpenAiServer;

class OpenAiCompatibleEmbedderTests extends EmbedderContract {

  static FakeOpenAiServer server;
  static OpenAiCompatibleEmbedder embedder;

  @BeforeAll
  static void start() throws Exception {
    server = new FakeOpenAiServer();
    embedder = new OpenAiCompatibleEmbedder(new RetrievalProperties.OpenAi(server.baseUrl(), "test-embed", "", FakeOpenAiServer.DIMENSIONS));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  Embedder embedder() {
    return embedder;
  }

  @Test
  void reportsAnUnreachableServerAsEmbeddingFailed() {
    var down = new OpenAiCompatibleEmbedder(new RetrievalProperties.OpenAi("http://127.0.0.1:1/v1", "m", "", 8));
    assertThatThrownBy(() -> down.embedPassages(List.of("text"))).isInstanceOf(EmbeddingFailed.class);
  }
}
