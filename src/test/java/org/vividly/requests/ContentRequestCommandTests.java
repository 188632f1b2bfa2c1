package org.vividly.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentRequestCommandTests {

  @Test
  void alwaysIncludesTextAndPrefersTheRichestModality() {
    ContentRequestCommand c = ContentRequestCommand.of("Why is the sky blue?", 7, null, null, List.of("video"), null, null, "es", null, null);
    assertThat(c.modalities()).containsExactlyInAnyOrder(Modality.TEXT, Modality.VIDEO);
    assertThat(c.preferred()).isEqualTo(Modality.VIDEO);
    assertThat(c.textLanguage()).isEqualTo("en");
    assertThat(c.audioLanguage()).isEqualTo("es");
    assertThat(c.resolution()).isEqualTo(720);
    assertThat(c.width()).isEqualTo(1280);
  }

  @Test
  void rejectsWhatCannotBeMade() {
    assertThatThrownBy(() -> ContentRequestCommand.of("q?", 7, null, null, List.of("smell"), null, null, null, null, null)).hasMessageContaining("Unknown modality 'smell'");
    assertThatThrownBy(() -> ContentRequestCommand.of("q?", 7, null, null, List.of("text"), "video", null, null, null, null)).hasMessageContaining("not among those asked for");
    assertThatThrownBy(() -> ContentRequestCommand.of("q?", 7, null, null, List.of("video"), null, null, "spanish", null, null)).hasMessageContaining("ISO 639-1");
    assertThatThrownBy(() -> ContentRequestCommand.of("q?", 7, null, null, List.of("video"), null, null, null, 4000, null)).hasMessageContaining("720 or 1080");
    assertThatThrownBy(() -> ContentRequestCommand.of("q?", 7, null, null, List.of("audio"), null, null, null, null, 3.0)).hasMessageContaining("voiceRate");
  }
}
