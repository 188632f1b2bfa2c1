package org.vividly.tenancy;

import java.security.SecureRandom;
import java.util.Locale;
import org.vividly.common.InvalidRequest;

/**
 * Class join codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
 * as {@code ABCD-EFGH}; 31^8 (about 2^40) codes, and guesses are held back by the API rate limit.
 */
final class JoinCodes {

  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinCodes() {}

  static String next() {
    StringBuilder code = new StringBuilder(9);
    for (int i = 0; i < 8; i++) {
      if (i == 4) code.append('-');
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** Accepts what a student types: any case, with or without the dash or spaces. */
  static String normalize(String typed) {
    if (typed == null || typed.isBlank()) throw new InvalidRequest("Type the class's join code, for example K7PQ-2MXR");
    String bare = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    if (bare.length() != 8 || bare.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) throw new InvalidRequest("A join code has eight letters and digits, for example K7PQ-2MXR");
    return bare.substring(0, 4) + "-" + bare.substring(4);
  }
}
