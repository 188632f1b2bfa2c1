package org.vividly.common;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person may be told about a failure. A {@link VividlyException}'s message is written for
 * them; anything else (a database error with its SQL, a library's stack of causes) is logged with
 * a short reference and replaced by a message that names the reference, so that nothing about the
 * server's internals reaches a client in JSON, a Server-Sent Event, a page or a stored job error
 * (OWASP Error Handling Cheat Sheet).
 */
public final class ClientMessages {

  private static final Logger log = LoggerFactory.getLogger(ClientMessages.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientMessages() {}

  /**
   * @param what what was being done, for the log, for example {@code "Answering in conversation 42"}
   * @return the message to show the client
   */
  public static String of(Throwable e, String what) {
    if (e instanceof VividlyException v && v.getMessage() != null) return v.getMessage();
    String reference = reference();
    log.error("{} failed (reference {})", what, reference, e);
    return internal(reference);
  }

  /** The message for an internal failure already logged under {@code reference}. */
  public static String internal(String reference) {
    return "Something went wrong on the server (reference " + reference + "). It was logged; try again, and tell your administrator if it keeps happening.";
  }

  /** A short random reference that ties a client's message to the server log. */
  public static String reference() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
