package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterestHooksTests {

  @Test
  void matchesInterestsAndTheirAliasesToTemplates() {
    assertThat(InterestHooks.hook(List.of("NBA"), "Newton’s second law")).contains("basketball").contains("Newton’s second law");
    assertThat(InterestHooks.hook(List.of("guitar"), "sound waves")).containsIgnoringCase("music").contains("sound waves");
  }

  @Test
  void namesAnUnknownInterestAndWorksWithNone() {
    assertThat(InterestHooks.hook(List.of("origami"), "momentum")).contains("origami").contains("momentum");
    assertThat(InterestHooks.hook(List.of(), "momentum")).contains("momentum");
  }
}
