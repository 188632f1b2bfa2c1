package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.media.MediaFailed;
import org.vividly.media.RecognizedSpeech;
import org.vividly.media.SpeechRecognizer;
import org.vividly.support.SharedData;

/** What every speech-to-text adapter does, checked against a real recording. */
abstract class SpeechRecognizerContract {

  abstract SpeechRecognizer recognizer();

  Path jfk() {
    return SharedData.require("audio/whisper_jfk/jfk.flac");
  }

  @Test
  void transcribesWithSegmentAndWordTimesInsideTheRecording() {
    List<Double> progress = new ArrayList<>();
    RecognizedSpeech speech = recognizer().transcribe(jfk(), "en", progress::add);
    assertThat(speech.durationSeconds()).isBetween(5.0, 12.0);
    assertThat(speech.segments()).isNotEmpty();
    double previous = -1;
    for (RecognizedSpeech.Segment s : speech.segments()) {
      assertThat(s.startSeconds()).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(s.endSeconds());
      assertThat(s.endSeconds()).isLessThanOrEqualTo(speech.durationSeconds() + 0.5);
      assertThat(s.words()).isNotEmpty().allSatisfy(w -> assertThat(w.startSeconds()).isBetween(s.startSeconds() - 0.01, s.endSeconds() + 0.01));
      previous = s.startSeconds();
    }
    assertThat(speech.text().toLowerCase()).contains("country");
    assertThat(progress).isNotEmpty().last().isEqualTo(1.0);
    assertThat(speech.engine()).isEqualTo(recognizer().name());
  }

  @Test
  void aFileWithoutSoundIsRefusedAsBadInput() throws Exception {
    Path text = java.nio.file.Files.createTempFile("not-audio-", ".mp3");
    java.nio.file.Files.writeString(text, "this is not audio");
    assertThatThrownBy(() -> recognizer().transcribe(text, "en", p -> {})).isInstanceOfSatisfying(MediaFailed.class, e -> assertThat(e.retriable()).isFalse());
  }
}
