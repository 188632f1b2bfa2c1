package org.vividly.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTests {

  @Test
  void linksAreBuiltFromTheConfiguredAddress() {
    assertThat(new PublicUrl("https://learn.district.org/", 8080).link("/password-reset/abc")).isEqualTo("https://learn.district.org/password-reset/abc");
    assertThat(new PublicUrl("https://district.org/vividly", 8080).link("/invitations/x")).isEqualTo("https://district.org/vividly/invitations/x");
  }

  @Test
  void withoutAConfiguredAddressLinksPointAtThisMachine() {
    assertThat(new PublicUrl("", 8080).link("/x")).isEqualTo("http://localhost:8080/x");
  }

  @Test
  void aWrongAddressStopsTheStartWithAClearMessage() {
    for (String wrong : new String[] {"learn.district.org", "ftp://district.org", "https://district.org/?next=evil", "https://user:pw@district.org"}) {
      assertThatThrownBy(() -> new PublicUrl(wrong, 8080)).as(wrong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vividly.public-url");
    }
  }
}
