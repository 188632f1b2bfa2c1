package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vividly.media.MediaFailed;
import org.vividly.media.SpeechRecognizer;
import org.vividly.support.FakeOpenAiServer;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible adapter against a local server speaking {@code /v1/audio/transcriptions}. */
class OpenAiSpeechRecognizerIT extends SpeechRecognizerContract {

  FakeOpenAiServer server;
  OpenAiSpeechRecognizer recognizer;

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpenAiServer();
    server.transcribeAs("And so my fellow Americans. Ask not what your country can do for you.");
    recognizer = new OpenAiSpeechRecognizer(new MediaProperties.Transcription("openai", "ffmpeg", "pocketsphinx_continuous", 120, 0, Duration.ofMinutes(1), new MediaProperties.OpenAiTranscription(server.baseUrl(), "sk-test", "whisper-1")), JsonMapper.builder().build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  SpeechRecognizer recognizer() {
    return recognizer;
  }

  @Test
  void sendsTheAudioAsFlacWithVerboseJsonAndWordTimestamps() {
    var speech = recognizer.transcribe(jfk(), "en", p -> {});
    String request = server.transcriptionRequests.getFirst();
    assertThat(request).contains("name=\"model\"\r\n\r\nwhisper-1").contains("name=\"response_format\"\r\n\r\nverbose_json").contains("name=\"timestamp_granularities[]\"\r\n\r\nword")
        .contains("filename=\"audio.flac\"").contains("fLaC");
    assertThat(speech.segments()).hasSize(2);
    assertThat(speech.segments().get(1).words().getFirst().text()).isEqualTo("Ask");
    assertThat(speech.language()).isEqualTo("en");
  }

  @Test
  void anUnreachableServerIsRetriable() {
    server.close();
    assertThatThrownBy(() -> recognizer.transcribe(jfk(), "en", p -> {})).isInstanceOfSatisfying(MediaFailed.class, e -> assertThat(e.retriable()).isTrue());
  }
}
