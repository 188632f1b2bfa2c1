package org.vividly.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NarrationTests {

  @Test
  void captionsLeaveOutCitationMarkersWithoutLeavingASpaceBeforeThePunctuation() {
    assertThat(Narration.captionText("The Moon's gravity pulls on the oceans [1].")).isEqualTo("The Moon's gravity pulls on the oceans.");
    assertThat(Narration.captionText("Heat flows [2, 3], then stops [4–6]!")).isEqualTo("Heat flows, then stops!");
    assertThat(Narration.captionText("An array [i] stays.")).isEqualTo("An array [i] stays.");
  }
}
