package org.vividly.tenancy;

import java.text.Normalizer;
import org.vividly.common.InvalidRequest;

/**
 * Checks human-entered names (organizations, schools, classes, people, topics, interests): 1-120
 * characters after trimming, no control characters, and none of the characters that markup and
 * query languages are built from ({@code < > ; = { } `} and the comment markers {@code --} and
 * {@code /*}), which no real name needs. Apostrophes and hyphens stay allowed (O'Brien,
 * Smith-Jones). Every query binds parameters and every page escapes, so this is a second wall: bad
 * input is refused with a clear message instead of being stored.
 */
public final class Names {

  public static final int MAX = 120;
  private static final String[] FORBIDDEN = {";", "=", "{", "}", "`", "--", "/*"};

  private Names() {}

  public static String check(String what, String name) {
    if (name == null || name.isBlank()) throw new InvalidRequest(what + " is required");
    String trimmed = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    if (trimmed.length() > MAX) throw new InvalidRequest(what + " is " + trimmed.length() + " characters long; the limit is " + MAX);
    if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) throw new InvalidRequest(what + " must not contain control characters");
    if (trimmed.indexOf('<') >= 0 || trimmed.indexOf('>') >= 0) throw new InvalidRequest(what + " must not contain '<' or '>'");
    for (String forbidden : FORBIDDEN) {
      if (trimmed.contains(forbidden)) throw new InvalidRequest(what + " must not contain '" + forbidden + "'");
    }
    return trimmed;
  }

  static String quote(String value) {
    if (value == null) return "(none)";
    return "'" + (value.length() > 70 ? value.substring(0, 70) + "..." : value) + "'";
  }
}
