package org.vividly.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpokenTextTests {

  @Test
  void spellsOutUnitsAfterNumbers() {
    assertThat(SpokenText.of("It falls at 9.8 m/s² near the ground.", "en")).isEqualTo("It falls at 9.8 meters per second squared near the ground.");
    assertThat(SpokenText.of("A car at 30 m/s covers 108 km/h.", "en")).isEqualTo("A car at 30 meters per second covers 108 kilometers per hour.");
    assertThat(SpokenText.of("Water boils at 100 °C.", "en")).isEqualTo("Water boils at 100 degrees Celsius.");
    assertThat(SpokenText.of("It weighs 5 kg and is 20% heavier.", "en")).isEqualTo("It weighs 5 kilograms and is 20 percent heavier.");
  }

  @Test
  void leavesLettersAndDecadesAlone() {
    assertThat(SpokenText.of("In the 1990s, m was the symbol for mass.", "en")).isEqualTo("In the 1990s, m was the symbol for mass.");
  }

  @Test
  void readsFormulasAsWords() {
    assertThat(SpokenText.of("v_(avg) = Δd / Δt", "en")).isEqualTo("v sub avg equals change in d divided by change in t");
    assertThat(SpokenText.of("E = mc²", "en")).isEqualTo("E equals mc squared");
    assertThat(SpokenText.of("Light travels at 3.0 × 10^8 m/s.", "en")).isEqualTo("Light travels at 3.0 times ten to the power of 8 meters per second.");
    assertThat(SpokenText.of("a ≈ 2, b ≤ 3", "en")).isEqualTo("a is approximately 2, b is less than or equal to 3");
  }

  @Test
  void expandsAbbreviationsAndDropsCitationMarkers() {
    assertThat(SpokenText.of("Plants, e.g. ferns, grow [1].", "en")).isEqualTo("Plants, for example ferns, grow.");
  }

  @Test
  void speaksSpanishUnitsAndSymbols() {
    assertThat(SpokenText.of("Cae a 9,8 m/s² y a = b.", "es")).contains("metros por segundo al cuadrado").contains("es igual a");
  }

  @Test
  void knowsUnspeakableText() {
    assertThat(SpokenText.speakable(SpokenText.of("→ = ≈", "en"))).isTrue();
    assertThat(SpokenText.speakable(SpokenText.of("[1] ---", "en"))).isFalse();
    assertThat(SpokenText.speakable("")).isFalse();
  }
}
