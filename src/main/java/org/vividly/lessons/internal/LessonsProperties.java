package org.vividly.lessons.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lesson settings.
 *
 * @param composer {@code embedded} (no language model, the default), {@code openai} (any
 *     OpenAI-compatible chat server) or {@code ollama}
 * @param minSimilarity below this cosine similarity of the best passage to the question, the answer
 *     is always "not in your library"
 * @param confidentSimilarity from this similarity up, the library answers whatever the coverage
 * @param minCoverage between the two similarities, the library answers only when the chosen section
 *     uses at least this share of the question's content terms. The three are chosen on the
 *     labelled question sets under {@code src/test/resources/eval/lessons} (tune part), see the
 *     README's lesson evaluation
 * @param minSalientCoverage the library answers only when the chosen section uses at least this
 *     share of the question's specific words (those outside the New Dale-Chall familiar list)
 * @param passages explanatory passages retrieved per question
 * @param llm chat model settings for the {@code openai} and {@code ollama} composers
 */
@ConfigurationProperties("vividly.lessons")
public record LessonsProperties(
    @DefaultValue("embedded") String composer,
    @DefaultValue("0.62") double minSimilarity,
    @DefaultValue("0.65") double confidentSimilarity,
    @DefaultValue("0.5") double minCoverage,
    @DefaultValue("0.1") double minSalientCoverage,
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
