package org.vividly.ratelimit;

/** What is limited, each with its own buckets per client. */
public enum RateLimit {
  /** Every API call: per minute and per hour. */
  API("API calls"),
  /** Questions answered (text, audio or video): per hour. */
  CONTENT_REQUESTS("content requests"),
  /** Sign-in attempts: per window. */
  SIGN_IN("sign-in attempts");

  public final String description;

  RateLimit(String description) {
    this.description = description;
  }
}
