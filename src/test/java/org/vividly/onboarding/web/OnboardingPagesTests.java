package org.vividly.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vividly.common.InvalidRequest;
import org.vividly.onboarding.Onboarding;

class OnboardingPagesTests {

  @Test
  void adminsAreReadOneALineAsNameAndEmailOrAnEmail() {
    assertThat(OnboardingPages.admins("Ada Lovelace <ada@oak.org>\n\n  bob@oak.org \r\n"))
        .containsExactly(new Onboarding.Admin("ada@oak.org", "Ada Lovelace"), new Onboarding.Admin("bob@oak.org", null));
    assertThatThrownBy(() -> OnboardingPages.admins("Ada Lovelace")).isInstanceOf(InvalidRequest.class).hasMessageContaining("'Ada Lovelace' is neither");
  }
}
