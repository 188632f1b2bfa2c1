package org.vividly.ratelimit;

import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/** A client used up a rate limit; {@link #retryAfterSeconds()} says when to try again. */
public class RateLimitExceeded extends VividlyException {

  private final long retryAfterSeconds;

  public RateLimitExceeded(String what, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many " + what + ". Try again in " + retryAfterSeconds + " s.");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
