package org.vividly.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

  private static final String HTML = """
      <!DOCTYPE html><html><head><title>Hi</title></head><body>
        <p>Hello <span>Ada</span>,</p>
        <p>Your school invites you.
           <a href="https://learn.example.org/invitations/abc?x=1&amp;y=2">Accept the invitation</a>. It works once.</p>
        <ul><li>First</li><li>Second</li></ul>
        <p><a href="/relative">Not a link out</a> and <a href="mailto:help@example.org">mail</a></p>
      </body></html>""";

  @Test
  void paragraphsAreSeparatedAndLinksKeepTheirAddress() {
    String text = PlainText.of(HTML);
    assertThat(text).startsWith("Hello Ada,\n\nYour school invites you. Accept the invitation <https://learn.example.org/invitations/abc?x=1&y=2>. It works once.\n\n")
        .contains("- First\n- Second")
        .doesNotContain("<span>")
        .doesNotContain("<https://learn.example.org/relative>")
        .endsWith("\n");
  }

  @Test
  void onlyAbsoluteWebLinksAreListedOnceEach() {
    assertThat(PlainText.links(HTML + "<a href='https://learn.example.org/invitations/abc?x=1&amp;y=2'>again</a>"))
        .containsExactly("https://learn.example.org/invitations/abc?x=1&y=2");
  }

  @Test
  void aLinkWhoseTextIsItsAddressIsWrittenOnce() {
    assertThat(PlainText.of("<p><a href=\"https://a.example/x\">https://a.example/x</a></p>")).isEqualTo("https://a.example/x\n");
  }
}
