package org.vividly.common;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for a {@code <script type="application/json">} data block. The HTML parser reads the
 * element's text before {@code JSON.parse} does, and JSON strings may hold anything: a video title
 * with {@code </script>} would end the element, and one with {@code <!--<script>} would make it
 * swallow the rest of the page, scripts included (WHATWG HTML, "Restrictions for contents of
 * script elements"). So {@code <}, {@code >} and {@code &} are written as
 * JSON unicode escapes; they only ever occur inside JSON strings, where an escape reads back as the
 * same character.
 */
public final class ScriptJson {

  private ScriptJson() {}

  public static String of(JsonMapper json, Object value) {
    String text = json.writeValueAsString(value);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
