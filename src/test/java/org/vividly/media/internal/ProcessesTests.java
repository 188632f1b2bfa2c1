package org.vividly.media.internal;

import org.vividly.media.Processes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vividly.media.MediaEngines;
import org.vividly.media.MediaFailed;
import org.vividly.media.WavAudio;
import org.vividly.support.Media;

/** How engine failures are told apart: retry a crash or a timeout, never a missing program or a full disk. */
class ProcessesTests {

  @TempDir Path dir;

  @Test
  void aProgramKilledBySignalIsRetriable() {
    assertThatThrownBy(() -> Processes.run(List.of("sh", "-c", "kill -9 $$"), null, Duration.ofSeconds(10), dir))
        .isInstanceOf(MediaFailed.class).satisfies(e -> assertThat(((MediaFailed) e).retriable()).isTrue());
  }

  @Test
  void aTimeoutIsRetriableAndKillsTheProgram() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> Processes.run(List.of("sleep", "30"), null, Duration.ofMillis(300), dir))
        .isInstanceOf(MediaFailed.class).hasMessageContaining("did not finish").satisfies(e -> assertThat(((MediaFailed) e).retriable()).isTrue());
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
  }

  @Test
  void aMissingProgramIsNotRetriable() {
    assertThatThrownBy(() -> Processes.run(List.of("/nonexistent/ffmpeg", "-version"), null, Duration.ofSeconds(5), dir))
        .isInstanceOf(MediaFailed.class).hasMessageContaining("not installed").satisfies(e -> assertThat(((MediaFailed) e).retriable()).isFalse());
  }

  @Test
  void measuresTheCpuOfTheProgram() {
    var result = Processes.run(List.of("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"), null, Duration.ofSeconds(30), dir);
    assertThat(result.cpuSeconds()).isGreaterThan(0.05);
    assertThat(result.peakRssKb()).isPositive();
  }

  @Test
  void ffmpegOnAFullDiskFailsForGoodWithAClearReason() throws Exception {
    assumeThat(Media.installed("ffmpeg")).as("ffmpeg is needed").isTrue();
    Path wav = silence(dir.resolve("a.wav"));
    // /dev/full answers every write with ENOSPC, as a full disk does.
    Path full = java.nio.file.Files.createSymbolicLink(dir.resolve("narration.m4a"), Path.of("/dev/full"));
    assertThatThrownBy(() -> new FfmpegVideoEncoder(new MediaProperties.Video("ffmpeg", 5, Duration.ofSeconds(30))).encodeAudio(wav, full))
        .isInstanceOf(MediaFailed.class).hasMessageContaining("disk is full").satisfies(e -> assertThat(((MediaFailed) e).retriable()).isFalse());
  }

  @Test
  void joiningNarrationOnAFullDiskFailsForGood() throws Exception {
    Path wav = silence(dir.resolve("a.wav"));
    assertThatThrownBy(() -> WavAudio.join(List.of(wav), List.of(0.1), Path.of("/dev/full")))
        .isInstanceOf(MediaFailed.class).hasMessageContaining("disk is full").satisfies(e -> assertThat(((MediaFailed) e).retriable()).isFalse());
  }

  @Test
  void joinedNarrationStartsEachSegmentAfterTheOnesBeforeAndTheirPauses() throws Exception {
    Path a = silence(dir.resolve("a.wav"));
    Path b = silence(dir.resolve("b.wav"));
    List<Double> starts = WavAudio.join(List.of(a, b), List.of(0.5, 0.25), dir.resolve("joined.wav"));
    assertThat(starts).containsExactly(0.0, 1.5);
    assertThat(WavAudio.seconds(dir.resolve("joined.wav"))).isEqualTo(2.75);
  }

  @Test
  void saysWhichModalitiesNeedWhatWhenFfmpegIsMissing() {
    var engines = new MediaEnginesProbe(new MediaProperties(new MediaProperties.Speech("debian", List.of("en=cmu_us_slt_arctic_hts"), 1.0, Duration.ofSeconds(5), null), new MediaProperties.Video("/nonexistent/ffmpeg", 5, Duration.ofSeconds(5)), null, null));
    assertThat(engines.engines().narrationUnavailable("en")).hasValueSatisfying(reason -> assertThat(reason).contains("ffmpeg is not installed"));
    assertThat(engines.engines().narrationUnavailable("xh")).hasValueSatisfying(reason -> assertThat(reason).contains("no voice speaks 'xh'"));
  }

  /** One second of 16 kHz mono silence. */
  static Path silence(Path file) throws Exception {
    var format = new javax.sound.sampled.AudioFormat(16_000, 16, 1, true, false);
    javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(new byte[32_000]), format, 16_000), javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
    return file;
  }

  /** MediaEngines over the embedded speech engine, built as the configuration does. */
  record MediaEnginesProbe(MediaProperties properties) {
    MediaEngines engines() {
      try {
        var constructor = MediaEngines.class.getDeclaredConstructor(org.vividly.media.SpeechSynthesizer.class, MediaProperties.class);
        constructor.setAccessible(true);
        return constructor.newInstance(new DebianSpeechSynthesizer(Map.of(), Duration.ofSeconds(5)), properties);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * A regression: a running program's output was read on virtual threads, which held the
   * virtual-thread carriers while it ran, so long engine runs on a 2-core server left the web
   * server's request handlers waiting (and hung the integration tests in CI). A JVM with one
   * carrier and no spares shows it at once: a virtual thread started while a program runs must
   * not wait for the program to end.
   */
  @Test
  void aRunningProgramLeavesTheVirtualThreadCarriersFree() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process probe = new ProcessBuilder(java, "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1", "-cp", System.getProperty("java.class.path"), CarrierProbe.class.getName())
        .redirectErrorStream(true)
        .start();
    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(probe.exitValue()).as(out).isZero();
    long waitedMillis = Long.parseLong(out.substring(out.lastIndexOf('=') + 1));
    assertThat(waitedMillis).as("a virtual thread waited this long (ms) for a carrier while `sleep 3` ran").isLessThan(1_500);
  }

  /** Runs {@code sleep 3} through {@link Processes#run} and prints how long a virtual thread then waits to start. */
  static final class CarrierProbe {
    public static void main(String[] args) throws Exception {
      Thread program = Thread.ofPlatform().start(() -> Processes.run(List.of("sleep", "3"), null, Duration.ofSeconds(30), null));
      Thread.sleep(500);
      long asked = System.nanoTime();
      long[] started = new long[1];
      Thread.ofVirtual().start(() -> started[0] = System.nanoTime()).join();
      program.join();
      System.out.println("waited=" + (started[0] - asked) / 1_000_000);
    }
  }
}
