package org.vividly.lessons.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.vividly.lessons.LessonComposer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class LessonsConfiguration {

  @Bean
  ExtractiveComposer extractiveComposer(org.vividly.retrieval.Embedder embedder) {
    return new ExtractiveComposer(embedder);
  }

  @Bean
  @Primary
  LessonComposer lessonComposer(LessonsProperties properties, ExtractiveComposer extractive, JsonMapper json) {
    LessonsProperties.Llm llm = properties.llm();
    return switch (properties.composer()) {
      case "embedded" -> extractive;
      case "openai" -> new LlmComposer(openAi(llm), llm.model(), json);
      case "ollama" -> new LlmComposer(OllamaChatModel.builder().baseUrl(llm.baseUrl()).modelName(llm.model()).temperature(llm.temperature()).timeout(llm.timeout()).build(), llm.model(), json);
      default -> throw new IllegalStateException("vividly.lessons.composer must be embedded, openai or ollama, was " + properties.composer());
    };
  }

  static ChatModel openAi(LessonsProperties.Llm llm) {
    return OpenAiChatModel.builder()
        .baseUrl(llm.baseUrl())
        .apiKey(llm.apiKey().isBlank() ? "none" : llm.apiKey())
        .modelName(llm.model())
        .temperature(llm.temperature())
        .timeout(llm.timeout())
        .maxRetries(1)
        .build();
  }
}
