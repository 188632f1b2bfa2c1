package org.vividly.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScriptJsonTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Escaping only {@code </} was not enough: in Chromium, {@code <!--<script>} in a title made the
   * data block swallow the rest of the page, chat.js with it (jsoup does not model that state, so
   * the test checks the characters themselves).
   */
  @Test
  void noMarkupCharacterReachesTheScriptElementAndTheTextReadsBackUnchanged() {
    String title = "Rocks </script><script>alert(1)</script> <!--<script> & \"quotes\" \\ é";
    String json = ScriptJson.of(JSON, List.of(Map.of("title", title)));
    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    String data = Jsoup.parse("<body><script type=\"application/json\" id=\"data\">" + json + "</script></body>").getElementById("data").data();
    assertThat(JSON.readTree(data).path(0).path("title").asString()).isEqualTo(title);
  }

  @Test
  void plainValuesAreOrdinaryJson() {
    assertThat(ScriptJson.of(JSON, Map.of("n", 1))).isEqualTo("{\"n\":1}");
  }
}
