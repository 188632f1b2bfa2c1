package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vividly.media.MediaFailed;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.media.SpeechSynthesizer.Voice;
import org.vividly.media.WavAudio;

/** What every speech engine must do; each adapter's test extends this. */
abstract class SpeechSynthesizerContract {

  @TempDir Path dir;

  abstract SpeechSynthesizer synthesizer();

  @Test
  void speaksEachSentenceIntoItsOwnWavWithItsMeasuredDuration() throws Exception {
    List<String> sentences = List.of("Plants make sugar from light.", "This takes place in the leaves, inside small green parts called chloroplasts.");
    var segments = synthesizer().synthesize(sentences, new Voice("en", null, 1.0), dir);
    assertThat(segments).hasSize(2);
    for (var s : segments) {
      assertThat(s.wav()).exists();
      assertThat(s.seconds()).isGreaterThan(0.5).isCloseTo(WavAudio.seconds(s.wav()), org.assertj.core.data.Offset.offset(0.001));
    }
    assertThat(segments.get(1).seconds()).isGreaterThan(segments.get(0).seconds());
    assertThat(AudioSystem.getAudioFileFormat(segments.get(0).wav().toFile()).getFormat().matches(AudioSystem.getAudioFileFormat(segments.get(1).wav().toFile()).getFormat())).isTrue();
  }

  @Test
  void speaksSpanish() {
    var segments = synthesizer().synthesize(List.of("La fotosíntesis convierte la luz en energía química."), new Voice("es", null, 1.0), dir);
    assertThat(segments.getFirst().seconds()).isGreaterThan(1);
  }

  @Test
  void slowerRateTakesLonger() throws Exception {
    Path slow = Files.createDirectory(dir.resolve("slow"));
    Path fast = Files.createDirectory(dir.resolve("fast"));
    String s = "The speed of a falling object grows every second.";
    double slowSeconds = synthesizer().synthesize(List.of(s), new Voice("en", null, 0.7), slow).getFirst().seconds();
    double fastSeconds = synthesizer().synthesize(List.of(s), new Voice("en", null, 1.4), fast).getFirst().seconds();
    assertThat(slowSeconds).isGreaterThan(fastSeconds * 1.3);
  }

  @Test
  void refusesTextWithNothingToSayWithoutRetrying() {
    assertThatThrownBy(() -> synthesizer().synthesize(List.of("—"), new Voice("en", null, 1.0), dir))
        .isInstanceOf(MediaFailed.class)
        .satisfies(e -> assertThat(((MediaFailed) e).retriable()).isFalse());
  }

  @Test
  void refusesALanguageItHasNoVoiceFor() {
    assertThat(synthesizer().supports("xh")).isFalse();
    assertThatThrownBy(() -> synthesizer().synthesize(List.of("Molo"), new Voice("xh", null, 1.0), dir))
        .isInstanceOf(MediaFailed.class)
        .satisfies(e -> assertThat(((MediaFailed) e).retriable()).isFalse());
  }
}
