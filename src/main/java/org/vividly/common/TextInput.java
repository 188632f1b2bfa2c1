package org.vividly.common;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * The one check every piece of text a client sends passes (JSON bodies, form and query
 * parameters), applied at the edge by {@code TextInputAdvice} and {@code TextInputFilter}: no
 * control characters but tab, line feed and carriage return (C0, DEL and C1), no bidirectional
 * embeddings, overrides or isolates (U+202A-U+202E, U+2066-U+2069, which make a name or question
 * read differently than it is stored: CVE-2021-42574, "Trojan Source"), and no unpaired UTF-16
 * surrogates (which PostgreSQL cannot store). Everything else, every script and emoji, passes.
 */
public final class TextInput {

  private static final int MAX_DEPTH = 16;

  private TextInput() {}

  /**
   * @return why {@code value} is refused, or null when it is fine
   */
  public static String problem(String value) {
    if (value == null) return null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
        return String.format("contains the control character U+%04X at position %d", (int) c, i + 1);
      }
      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        return String.format("contains the bidirectional formatting character U+%04X at position %d", (int) c, i + 1);
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains a broken character (an unpaired UTF-16 surrogate) at position " + (i + 1);
      }
    }
    return null;
  }

  /**
   * @throws InvalidRequest naming {@code field} when {@code value} is refused
   */
  public static String check(String field, String value) {
    String problem = problem(value);
    if (problem != null) throw new InvalidRequest(field + " " + problem + "; remove it and send the text again.");
    return value;
  }

  /**
   * Checks every string inside a request body: records, collections, maps (keys too), arrays and
   * Jackson trees.
   *
   * @param field the path so far, for the message, for example {@code body}
   * @throws InvalidRequest naming the field of the first refused string
   */
  public static void checkAll(String field, Object value) {
    checkAll(field, value, 0);
  }

  private static void checkAll(String field, Object value, int depth) {
    if (value == null || depth > MAX_DEPTH) return;
    switch (value) {
      case String s -> check(field, s);
      case CharSequence s -> check(field, s.toString());
      case tools.jackson.databind.JsonNode node -> checkTree(field, node, depth);
      case Map<?, ?> map -> map.forEach((k, v) -> {
        if (k instanceof String key) check(field + " key", key);
        checkAll(field + "." + k, v, depth + 1);
      });
      case Collection<?> items -> {
        int i = 0;
        for (Object item : items) checkAll(field + "[" + i++ + "]", item, depth + 1);
      }
      case Object[] items -> {
        for (int i = 0; i < items.length; i++) checkAll(field + "[" + i + "]", items[i], depth + 1);
      }
      case Record record -> {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
          try {
            component.getAccessor().setAccessible(true);
            checkAll(component.getName(), component.getAccessor().invoke(record), depth + 1);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component, e);
          }
        }
      }
      default -> {}
    }
  }

  private static void checkTree(String field, tools.jackson.databind.JsonNode node, int depth) {
    if (node.isString()) {
      check(field, node.asString());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) checkTree(field + "[" + i + "]", node.get(i), depth + 1);
    } else if (node.isObject() && depth <= MAX_DEPTH) {
      for (var property : node.properties()) {
        check(field + " key", property.getKey());
        checkTree(property.getKey(), property.getValue(), depth + 1);
      }
    }
  }
}
