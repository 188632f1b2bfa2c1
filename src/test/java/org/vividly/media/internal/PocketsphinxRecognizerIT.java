package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vividly.media.MediaFailed;
import org.vividly.media.RecognizedSpeech;
import org.vividly.media.SpeechRecognizer;
import org.vividly.media.WordErrorRate;
import org.vividly.support.SharedData;

/** The embedded engine, Debian's pocketsphinx, on the shared speech recordings. */
class PocketsphinxRecognizerIT extends SpeechRecognizerContract {

  final PocketsphinxRecognizer recognizer = new PocketsphinxRecognizer(new MediaProperties.Transcription("pocketsphinx", "ffmpeg", "pocketsphinx_continuous", 10, 0, Duration.ofMinutes(5), null));

  @Override
  SpeechRecognizer recognizer() {
    return recognizer;
  }

  @Test
  void wordErrorRateOnLibriSpeechAndJfkIsReported() throws IOException {
    Path libri = SharedData.require("audio/librispeech_test_clean_sample/LibriSpeech/test-clean");
    StringBuilder reference = new StringBuilder();
    StringBuilder hypothesis = new StringBuilder();
    double audio = 0;
    double seconds = 0;
    try (Stream<Path> files = Files.walk(libri)) {
      for (Path trans : files.filter(p -> p.toString().endsWith(".trans.txt")).sorted().toList()) {
        for (String line : Files.readAllLines(trans)) {
          String[] parts = line.split(" ", 2);
          Path flac = trans.resolveSibling(parts[0] + ".flac");
          if (!Files.exists(flac)) continue;
          RecognizedSpeech speech = recognizer.transcribe(flac, "en", p -> {});
          reference.append(parts[1]).append(' ');
          hypothesis.append(speech.text()).append(' ');
          audio += speech.durationSeconds();
          seconds += speech.processingSeconds();
        }
      }
    }
    RecognizedSpeech jfk = recognizer.transcribe(jfk(), "en", p -> {});
    double libriWer = WordErrorRate.of(reference.toString(), hypothesis.toString());
    double jfkWer = WordErrorRate.of(Files.readString(SharedData.require("audio/whisper_jfk/jfk.reference.txt")), jfk.text());
    System.out.printf("pocketsphinx WER: LibriSpeech sample %.3f over %.1f s of audio (RTF %.2f), JFK %.3f%n", libriWer, audio, seconds / audio, jfkWer);
    assertThat(audio).isGreaterThan(10);
    assertThat(libriWer).isLessThan(0.6);
    assertThat(jfkWer).isLessThan(0.8);
  }

  @Test
  void onlyEnglishIsKnown() {
    assertThat(recognizer.supports("es")).isFalse();
    assertThatThrownBy(() -> recognizer.transcribe(jfk(), "es", p -> {})).isInstanceOf(MediaFailed.class).hasMessageContaining("only English");
  }
}
