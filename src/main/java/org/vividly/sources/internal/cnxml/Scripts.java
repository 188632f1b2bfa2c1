package org.vividly.sources.internal.cnxml;

/** Unicode super- and subscripts for short runs of digits and signs; other text gets ^ and _. */
final class Scripts {

  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

  private Scripts() {}

  static String superscript(String text) {
    String t = text.replace(" ", "");
    if (t.isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    for (char c : t.toCharArray()) {
      if (c >= '0' && c <= '9') out.append(SUPERSCRIPTS.charAt(c - '0'));
      else if (c == '−' || c == '-') out.append('⁻');
      else if (c == '+') out.append('⁺');
      else return "^" + (t.length() == 1 ? t : "(" + text.strip() + ")");
    }
    return out.toString();
  }

  static String subscript(String text) {
    String t = text.replace(" ", "");
    if (t.isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    for (char c : t.toCharArray()) {
      if (c >= '0' && c <= '9') out.append(SUBSCRIPTS.charAt(c - '0'));
      else return "_" + (t.length() == 1 ? t : "(" + text.strip() + ")");
    }
    return out.toString();
  }
}
