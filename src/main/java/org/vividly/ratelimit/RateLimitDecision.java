package org.vividly.ratelimit;

/**
 * The outcome of one call against a limit.
 *
 * @param limit capacity of the tightest window, for example 60 (per minute)
 * @param remaining calls left before the first refusal
 * @param resetSeconds seconds until the buckets are full again
 * @param retryAfterSeconds when refused, seconds until one call is allowed; 0 when allowed
 * @param policy the windows as in the {@code RateLimit-Policy} header, for example {@code 60;w=60, 1000;w=3600}
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds, String policy) {}
