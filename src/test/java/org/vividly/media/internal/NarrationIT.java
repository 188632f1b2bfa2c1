package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vividly.media.MediaFailed;
import org.vividly.media.Narration;
import org.vividly.media.Slide;
import org.vividly.media.SlideRenderer;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.media.VideoEncoder;
import org.vividly.support.Media;

/** The narration service on the embedded engines: real Festival, the slide renderer and ffmpeg. */
class NarrationIT {

  @TempDir Path dir;

  private final Narration narration = new Narration(
      new DebianSpeechSynthesizer(Map.of("en", "cmu_us_slt_arctic_hts", "es", "espeak:es"), Duration.ofMinutes(1)),
      new SlideRenderer(),
      new FfmpegVideoEncoder(new MediaProperties.Video("ffmpeg", 2, Duration.ofMinutes(2))));

  private final List<Narration.Part> script = List.of(
      new Narration.Part(new Slide(Slide.Kind.TITLE, "Tides", "Why does the sea rise and fall?", List.of(), null, null, "Lesson"), List.of("Why does the sea rise and fall twice a day?")),
      new Narration.Part(new Slide(Slide.Kind.POINTS, "The Moon's pull", null, List.of("The Moon pulls on the oceans."), null, "[1] Earth Science", "Key idea"),
          List.of("The Moon's gravity pulls on the oceans [1].", "The Earth turns through two bulges of water each day.")));

  @BeforeAll
  static void engines() {
    assumeThat(Media.installed("festival") && Media.installed("ffmpeg")).as("festival and ffmpeg are needed: apt-get install festival festvox-us-slt-hts ffmpeg").isTrue();
  }

  @Test
  void speaksTheScriptWithCaptionsTimedToEachSlide() throws Exception {
    Narration.Audio audio = narration.speak(script, new SpeechSynthesizer.Voice("en", null, 1.0), dir);

    assertThat(audio.slideSeconds()).hasSize(2).allSatisfy(s -> assertThat(s).isGreaterThan(1.0));
    // The slides' times add up to the narration, pauses included.
    assertThat(audio.slideSeconds().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(audio.totalSeconds(), org.assertj.core.data.Offset.offset(0.1));
    String vtt = Files.readString(audio.webVtt());
    assertThat(vtt).startsWith("WEBVTT").contains("The Moon's gravity pulls on the oceans.").doesNotContain("[1]");
    assertThat(Files.readString(audio.srt())).contains("-->");
    assertThat(Files.size(audio.m4a())).isGreaterThan(1000);
    assertThat(dir.resolve("speech")).doesNotExist();
  }

  @Test
  void rendersTheSlidesAndTheNarratedVideo() throws Exception {
    Narration.Audio audio = narration.speak(script, new SpeechSynthesizer.Voice("en", null, 1.0), dir);
    Narration.Slides slides = narration.slides(script, 1280, dir);
    assertThat(slides.images()).hasSize(2).allSatisfy(p -> assertThat(p).isRegularFile());
    assertThat(narration.existingSlides(2, dir)).contains(slides.images());
    assertThat(narration.existingSlides(3, dir)).isEmpty();
    assertThat(javax.imageio.ImageIO.read(slides.thumbnail().toFile()).getWidth()).isEqualTo(640);

    VideoEncoder.Encoded video = narration.video(slides.images(), audio, 1280, "en", VideoEncoder.Format.MP4, dir.resolve("lesson.mp4"));
    assertThat(Files.size(video.file())).isGreaterThan(10_000);
    Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", video.file().toString()).redirectErrorStream(true).start();
    double seconds = Double.parseDouble(new String(probe.getInputStream().readAllBytes()).strip());
    assertThat(seconds).isCloseTo(audio.totalSeconds(), org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void aSentenceThatCannotBeSpokenIsRefusedBeforeAnyEngineRuns() {
    List<Narration.Part> bad = List.of(new Narration.Part(new Slide(Slide.Kind.TITLE, "Symbols", null, List.of(), null, null, "Lesson"), List.of("— [2] —")));
    assertThatThrownBy(() -> narration.speak(bad, new SpeechSynthesizer.Voice("en", null, 1.0), dir))
        .isInstanceOf(MediaFailed.class).hasMessageContaining("cannot be spoken").satisfies(e -> assertThat(((MediaFailed) e).retriable()).isFalse());
    assertThat(dir.resolve("narration.wav")).doesNotExist();
  }
}
