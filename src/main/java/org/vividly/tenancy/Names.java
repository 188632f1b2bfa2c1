package org.vividly.tenancy;

import java.text.Normalizer;
import org.vividly.common.InvalidRequest;

/**
 * Checks human-entered names (organizations, schools, classes, people): 1-120 characters after
 * trimming, no control characters and no markup. Names are shown on pages, so angle brackets are
 * refused outright instead of being stored and escaped later. SQL needs no such rule: every query
 * binds parameters.
 */
public final class Names {

  public static final int MAX = 120;

  private Names() {}

  public static String check(String what, String name) {
    if (name == null || name.isBlank()) throw new InvalidRequest(what + " is required");
    String trimmed = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    if (trimmed.length() > MAX) throw new InvalidRequest(what + " is " + trimmed.length() + " characters long; the limit is " + MAX);
    if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) throw new InvalidRequest(what + " must not contain control characters");
    if (trimmed.indexOf('<') >= 0 || trimmed.indexOf('>') >= 0) throw new InvalidRequest(what + " must not contain '<' or '>'");
    return trimmed;
  }

  static String quote(String value) {
    if (value == null) return "(none)";
    return "'" + (value.length() > 70 ? value.substring(0, 70) + "..." : value) + "'";
  }
}
