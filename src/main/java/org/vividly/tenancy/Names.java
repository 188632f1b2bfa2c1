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

  /**
   * Tags as people type them (topics, video and collection labels): trimmed, lower-cased, kept in
   * order without duplicates, each a valid name of at most 40 characters, at most 20 in all.
   *
   * @param tags the tags, or null for none
   * @throws InvalidRequest for a tag that is too long or not a valid name, or more than 20 tags
   */
  public static java.util.List<String> tags(java.util.List<String> tags) {
    if (tags == null) return java.util.List.of();
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (String tag : tags) {
      if (tag == null || tag.isBlank()) continue;
      String t = tag.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.length() > 40) throw new InvalidRequest("The tag '" + t.substring(0, 20) + "...' is longer than 40 characters.");
      check("A tag", t);
      out.add(t);
    }
    if (out.size() > 20) throw new InvalidRequest("At most 20 tags, not " + out.size() + ".");
    return java.util.List.copyOf(out);
  }

  static String quote(String value) {
    if (value == null) return "(none)";
    return "'" + (value.length() > 70 ? value.substring(0, 70) + "..." : value) + "'";
  }
}
