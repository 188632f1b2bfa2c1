package org.vividly.ratelimit;

/** What is limited, each with its own buckets per client. */
public enum RateLimit {
  /** Every API call: per minute and per hour. */
  API("API calls"),
  /** Questions answered (text, audio or video): per hour. */
  CONTENT_REQUESTS("content requests"),
  /** Failed sign-ins per account: per window. */
  SIGN_IN("failed sign-ins"),
  /** Failed sign-ins per client address: per window. */
  SIGN_IN_PER_IP("failed sign-ins from this address");

  public final String description;

  /** Sign-in locks protect accounts; they hold even when rate limits are switched off. */
  public boolean alwaysOn() {
    return this == SIGN_IN || this == SIGN_IN_PER_IP;
  }

  RateLimit(String description) {
    this.description = description;
  }
}
