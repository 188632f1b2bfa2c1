package org.vividly.ratelimit;

/** What is limited, each with its own buckets per client. */
public enum RateLimit {
  /** Every API call: per minute and per hour. */
  API("API calls"),
  /** Questions answered (text, audio or video): per hour. */
  CONTENT_REQUESTS("content requests"),
  /** Failed sign-ins of one account from one client address: per window; when spent, that account is locked from that address. */
  SIGN_IN("failed sign-ins"),
  /** Failed sign-ins of one account from every address together: per window; when spent, the account is locked everywhere. */
  SIGN_IN_PER_ACCOUNT("failed sign-ins of this account"),
  /** Failed sign-ins from one client address, whatever the account: per window; when spent, sign-ins from it are slowed, never refused. */
  SIGN_IN_PER_IP("failed sign-ins from this address"),
  /**
   * Password-reset emails per account, and sign-up emails per address: per hour; past it no more are
   * sent (the answer stays the same).
   */
  PASSWORD_RESETS("password-reset and sign-up emails");

  public final String description;

  /** Sign-in locks protect accounts; they hold even when rate limits are switched off. */
  public boolean alwaysOn() {
    return this == SIGN_IN || this == SIGN_IN_PER_ACCOUNT || this == SIGN_IN_PER_IP || this == PASSWORD_RESETS;
  }

  RateLimit(String description) {
    this.description = description;
  }
}
