package org.vividly.media.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vividly.media.MediaFailed;
import org.vividly.media.SpeechSynthesizer;

/**
 * A remote speech engine behind a circuit breaker, with the embedded engine as fallback: when the
 * server fails (or the breaker is open after repeated failures) the narration comes from the
 * embedded voice instead of failing the request. Input the server refused is not retried elsewhere.
 */
final class ResilientSpeechSynthesizer implements SpeechSynthesizer {

  private static final Logger log = LoggerFactory.getLogger(ResilientSpeechSynthesizer.class);

  private final SpeechSynthesizer remote;
  private final SpeechSynthesizer fallback;
  private final CircuitBreaker breaker;

  ResilientSpeechSynthesizer(SpeechSynthesizer remote, SpeechSynthesizer fallback, CircuitBreaker breaker) {
    this.remote = remote;
    this.fallback = fallback;
    this.breaker = breaker;
  }

  @Override
  public String name() {
    return remote.name();
  }

  @Override
  public boolean supports(String language) {
    return remote.supports(language) || fallback.supports(language);
  }

  @Override
  public List<SpokenSegment> synthesize(List<String> sentences, Voice voice, Path dir) {
    if (!remote.supports(voice.language())) return fallback.synthesize(sentences, voice, dir);
    try {
      return breaker.executeSupplier(() -> remote.synthesize(sentences, voice, dir));
    } catch (CallNotPermittedException e) {
      log.info("Speech server circuit is open; using the embedded voice");
    } catch (MediaFailed e) {
      if (!e.retriable()) throw e;
      log.warn("Speech server failed ({}); using the embedded voice", e.getMessage());
    }
    if (!fallback.supports(voice.language())) throw new MediaFailed("The speech server is unavailable and no embedded voice speaks '" + voice.language() + "'.", true);
    return fallback.synthesize(sentences, voice, dir);
  }
}
