package org.vividly.media.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vividly.media.MediaFailed;
import org.vividly.media.SlideRenderer;
import org.vividly.media.SpeechRecognizer;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.media.VideoEncoder;
import org.vividly.storage.StorageProperties;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

  @Bean
  SpeechSynthesizer speechSynthesizer(MediaProperties properties, CircuitBreakerRegistry breakers, JsonMapper json) {
    MediaProperties.Speech speech = properties.speech();
    var embedded = new DebianSpeechSynthesizer(speech.voiceMap(), speech.timeout());
    return switch (speech.engine()) {
      case "debian" -> embedded;
      case "openai" -> new ResilientSpeechSynthesizer(
          new OpenAiSpeechSynthesizer(speech.openai(), speech.timeout(), json),
          embedded,
          breakers.circuitBreaker("speech", CircuitBreakerConfig.from(breakers.getDefaultConfig())
              // Refused input says nothing about the server's health.
              .recordException(e -> !(e instanceof MediaFailed f) || f.retriable())
              .build()));
      default -> throw new IllegalStateException("vividly.media.speech.engine must be debian or openai, was " + speech.engine());
    };
  }

  @Bean
  SpeechRecognizer speechRecognizer(MediaProperties properties, JsonMapper json) {
    MediaProperties.Transcription transcription = properties.transcription();
    return switch (transcription.engine()) {
      case "pocketsphinx" -> new PocketsphinxRecognizer(transcription);
      case "openai" -> new OpenAiSpeechRecognizer(transcription, json);
      default -> throw new IllegalStateException("vividly.media.transcription.engine must be pocketsphinx or openai, was " + transcription.engine());
    };
  }

  @Bean
  VideoEncoder videoEncoder(MediaProperties properties) {
    return new FfmpegVideoEncoder(properties.video());
  }

  @Bean
  MediaObjects mediaObjects(MediaProperties properties, StorageProperties storage) {
    return switch (properties.store().type()) {
      case "folder" -> {
        var folder = new FolderMediaObjects(storage.dataDir().resolve("media"));
        folder.removePartialFiles();
        yield folder;
      }
      case "s3" -> S3MediaObjects.connect(properties.store().s3());
      default -> throw new IllegalStateException("vividly.media.store.type must be folder or s3, was " + properties.store().type());
    };
  }

  @Bean
  SlideRenderer slideRenderer() {
    return new SlideRenderer();
  }
}
