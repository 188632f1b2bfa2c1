package org.vividly.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextInputTests {

  record Question(String question, List<String> interests, Map<String, String> extra) {}

  @Test
  void everyScriptEmojiAndLineBreakPasses() {
    for (String fine : List.of("Why is the sky blue?", "¿Cómo fabrican su alimento las plantas?", "光合作用是什么？", "Line one\nline two\ttabbed\r\n", "I ❤️ physics 🚀", "O'Brien-Smith")) {
      assertThat(TextInput.problem(fine)).as(fine).isNull();
    }
  }

  @Test
  void controlCharactersBidiOverridesAndBrokenSurrogatesAreRefusedWithWhere() {
    assertThat(TextInput.problem("abc\u0000def")).isEqualTo("contains the control character U+0000 at position 4");
    assertThat(TextInput.problem("bell\u0007")).contains("U+0007");
    assertThat(TextInput.problem("del\u007f")).contains("U+007F");
    assertThat(TextInput.problem("c1\u0085")).contains("U+0085");
    assertThat(TextInput.problem("admin\u202Etxt.exe")).contains("bidirectional").contains("U+202E");
    assertThat(TextInput.problem("isolate\u2066x\u2069")).contains("U+2066");
    assertThat(TextInput.problem("broken \uD83D end")).contains("unpaired");
  }

  @Test
  void aBodyIsCheckedEverywhereAndTheMessageNamesTheField() {
    TextInput.checkAll("The body", new Question("fine", List.of("soccer"), Map.of("k", "v")));
    assertThatThrownBy(() -> TextInput.checkAll("The body", new Question("fine", List.of("soccer", "chess\u0000"), Map.of())))
        .isInstanceOf(InvalidRequest.class).hasMessageStartingWith("interests[1] contains the control character U+0000");
    assertThatThrownBy(() -> TextInput.checkAll("The body", new Question("fine", List.of(), Map.of("k", "\u202Ev"))))
        .isInstanceOf(InvalidRequest.class).hasMessageStartingWith("extra.k contains the bidirectional");
    assertThatThrownBy(() -> TextInput.checkAll("The body", Map.of("question", "a\u0001"))).isInstanceOf(InvalidRequest.class);
  }

  @Test
  void aServerFailureIsShownAsAReferenceNeverItsMessage() {
    String shown = ClientMessages.of(new IllegalStateException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00; SQL [INSERT INTO chat_message ...]"), "a test");
    assertThat(shown).doesNotContain("SQL").doesNotContain("INSERT").contains("reference ");
    assertThat(ClientMessages.of(new InvalidRequest("The question is empty."), "a test")).isEqualTo("The question is empty.");
  }
}
