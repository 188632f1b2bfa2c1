package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.media.RecognizedSpeech;

class PocketsphinxOutputTests {

  @Test
  void utterancesBecomeSegmentsWithWordTimesShiftedByThePieceOffset() {
    String output = """
        and then our
        <s> 0.000 0.040 0.999100
        and 0.050 0.160 0.032781
        then 0.170 0.670 0.213743
        <sil> 0.680 0.700 0.5
        our(3) 0.710 0.980 0.208070
        </s> 2.310 2.440 1.000000
        what your country
        <s> 5.300 5.340 0.999200
        what 5.350 5.600 0.287209
        [NOISE] 5.600 5.610 0.1
        country 5.860 6.420 0.449557
        </s> 7.680 7.950 1.000000
        """;
    List<RecognizedSpeech.Segment> segments = PocketsphinxRecognizer.parse(output, 120);
    assertThat(segments).hasSize(2);
    assertThat(segments.get(0).text()).isEqualTo("and then our");
    assertThat(segments.get(0).startSeconds()).isEqualTo(120.05);
    assertThat(segments.get(0).endSeconds()).isEqualTo(120.98);
    assertThat(segments.get(1).words()).extracting(RecognizedSpeech.Word::text).containsExactly("what", "country");
    assertThat(segments.get(1).words().get(1).confidence()).isEqualTo(0.449557);
  }
}
