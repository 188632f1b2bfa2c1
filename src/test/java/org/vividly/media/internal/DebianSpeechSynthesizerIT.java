package org.vividly.media.internal;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.support.Media;

/** The embedded engines, real Festival and espeak-ng. */
class DebianSpeechSynthesizerIT extends SpeechSynthesizerContract {

  @BeforeAll
  static void engines() {
    assumeThat(Media.installed("festival") && Media.installed("espeak-ng")).as("festival and espeak-ng are needed: apt-get install festival festvox-us-slt-hts espeak-ng").isTrue();
  }

  @Override
  SpeechSynthesizer synthesizer() {
    return new DebianSpeechSynthesizer(Map.of("en", "cmu_us_slt_arctic_hts", "es", "espeak:es"), Duration.ofMinutes(1));
  }
}
