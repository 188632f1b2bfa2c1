package org.vividly.retrieval.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vividly.retrieval.Embedder;
import org.vividly.retrieval.TokenCounter;
import org.vividly.storage.StorageProperties;

@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

  @Bean
  Embedder embedder(RetrievalProperties properties) {
    return switch (properties.embedder()) {
      case "onnx" -> new OnnxEmbedder(properties.embeddingThreads(), properties.onnxIntraOpThreads());
      case "openai" -> new OpenAiCompatibleEmbedder(properties.openai());
      default -> throw new IllegalStateException("vividly.retrieval.embedder must be onnx or openai, was " + properties.embedder());
    };
  }

  @Bean
  TokenCounter tokenCounter() {
    return new WordPieceTokenCounter();
  }

  @Bean(destroyMethod = "close")
  SearchIndex searchIndex(StorageProperties storage, RetrievalProperties properties, Embedder embedder) {
    return switch (properties.index()) {
      case "lucene" -> LuceneSearchIndex.open(storage.indexDir(), properties.rrfK(), properties.candidates());
      case "solr" -> SolrSearchIndex.connect(properties.solr(), embedder.dimensions(), properties.rrfK(), properties.candidates());
      default -> throw new IllegalStateException("vividly.retrieval.index must be lucene or solr, was " + properties.index());
    };
  }
}
