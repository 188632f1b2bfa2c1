package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vividly.media.MediaFailed;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.support.FakeOpenAiServer;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible adapter against a local server speaking the protocol, and its circuit breaker. */
class OpenAiSpeechSynthesizerTests extends SpeechSynthesizerContract {

  private final FakeOpenAiServer server;

  OpenAiSpeechSynthesizerTests() throws Exception {
    server = new FakeOpenAiServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  SpeechSynthesizer synthesizer() {
    return adapter();
  }

  private OpenAiSpeechSynthesizer adapter() {
    var settings = new MediaProperties.OpenAiSpeech(server.baseUrl(), "", "kokoro", "af_heart", Map.of("es", "ef_dora"), List.of("en", "es"));
    return new OpenAiSpeechSynthesizer(settings, Duration.ofSeconds(10), JsonMapper.builder().build());
  }

  @Test
  void sendsTheOpenAiSpeechRequest() {
    adapter().synthesize(List.of("Hola a todos."), new SpeechSynthesizer.Voice("es", null, 1.25), dir);
    var request = server.speechRequests.getLast();
    assertThat(request.path("model").asString()).isEqualTo("kokoro");
    assertThat(request.path("voice").asString()).isEqualTo("ef_dora");
    assertThat(request.path("response_format").asString()).isEqualTo("wav");
    assertThat(request.path("speed").asDouble()).isEqualTo(1.25);
  }

  @Test
  void serverErrorsAreRetriableAndRefusalsAreNot() {
    server.speechStatus(503);
    assertThatThrownBy(() -> adapter().synthesize(List.of("Hello there."), new SpeechSynthesizer.Voice("en", null, 1.0), dir))
        .isInstanceOf(MediaFailed.class).satisfies(e -> assertThat(((MediaFailed) e).retriable()).isTrue());
    server.speechStatus(400);
    assertThatThrownBy(() -> adapter().synthesize(List.of("Hello there."), new SpeechSynthesizer.Voice("en", null, 1.0), dir))
        .isInstanceOf(MediaFailed.class).satisfies(e -> assertThat(((MediaFailed) e).retriable()).isFalse());
  }

  @Test
  void fallsBackToTheEmbeddedVoiceAndStopsCallingAServerThatKeepsFailing() {
    server.speechStatus(500);
    Recording fallback = new Recording();
    CircuitBreaker breaker = CircuitBreaker.of("speech-test", CircuitBreakerConfig.custom().slidingWindowSize(4).minimumNumberOfCalls(2).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1)).build());
    var resilient = new ResilientSpeechSynthesizer(adapter(), fallback, breaker);
    for (int i = 0; i < 5; i++) {
      var segments = resilient.synthesize(List.of("Hello there."), new SpeechSynthesizer.Voice("en", null, 1.0), dir);
      assertThat(segments).hasSize(1);
    }
    assertThat(fallback.calls).isEqualTo(5);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(server.speechRequests).hasSize(2);
  }

  /** A stand-in embedded engine that records calls; the real one is tested in DebianSpeechSynthesizerIT. */
  private static final class Recording implements SpeechSynthesizer {
    int calls;

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public boolean supports(String language) {
      return true;
    }

    @Override
    public List<SpokenSegment> synthesize(List<String> sentences, Voice voice, Path dir) {
      calls++;
      List<SpokenSegment> out = new ArrayList<>();
      for (int i = 0; i < sentences.size(); i++) out.add(new SpokenSegment(dir.resolve("x" + i + ".wav"), 1.0));
      return out;
    }
  }
}
