package org.vividly.lessons.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lesson settings.
 *
 * @param composer {@code embedded} (no language model, the default), {@code openai} (any
 *     OpenAI-compatible chat server) or {@code ollama}
 * @param minSimilarity the out-of-library threshold: when no passage's cosine similarity to the
 *     question reaches it, the answer is "not in your library". Calibrated on data: 0.66 lies
 *     between the top similarities of in-library (0.669-0.874) and out-of-library (0.478-0.648)
 *     questions on OpenStax Physics; {@code PhysicsBookIT} re-derives that range.
 * @param passages explanatory passages retrieved per question
 * @param llm chat model settings for the {@code openai} and {@code ollama} composers
 */
@ConfigurationProperties("vividly.lessons")
public record LessonsProperties(
    @DefaultValue("embedded") String composer,
    @DefaultValue("0.66") double minSimilarity,
    @DefaultValue("6") int passages,
    @DefaultValue Llm llm) {

  /**
   * @param baseUrl for example {@code http://localhost:11434} (Ollama) or
   *     {@code http://localhost:8000/v1} (OpenAI-compatible)
   * @param model chat model name
   * @param apiKey API key, when the server wants one
   * @param temperature sampling temperature; low keeps the model close to the passages
   * @param timeout how long one answer may take
   */
  public record Llm(
      @DefaultValue("http://localhost:11434") String baseUrl,
      @DefaultValue("llama3.2") String model,
      @DefaultValue("") String apiKey,
      @DefaultValue("0.2") double temperature,
      @DefaultValue("120s") Duration timeout) {}
}
