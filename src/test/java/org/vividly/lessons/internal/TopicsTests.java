package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTests {

  @Test
  void dropsLeadingVerbsAndLowercasesCommonWordsButNotNames() {
    assertThat(Topics.of("Describing Newton’s Second Law of Motion")).isEqualTo("Newton’s second law of motion");
    assertThat(Topics.of("Calculating Average Acceleration")).isEqualTo("average acceleration");
    assertThat(Topics.of("DNA Replication")).isEqualTo("DNA replication");
    assertThat(Topics.of("Speed")).isEqualTo("speed");
  }
}
