package org.vividly.identity;

import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/** Too many failed sign-ins for this account or from this address: locked for a while. */
public class SignInLocked extends VividlyException {

  private final long retryAfterSeconds;

  public SignInLocked(String message, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
