/**
 * Rate limits (Bucket4j token buckets): API calls per minute and per hour, content requests per
 * hour, sign-in attempts per window, each per client. Buckets live in memory by default and in
 * Redis (Lettuce) when {@code vividly.rate-limit.store=redis}, so that limits hold across several
 * server instances. Answers carry {@code RateLimit-*} headers; a refused call gets 429 with
 * {@code Retry-After} as RFC 7807 Problem Details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rate limits")
package org.vividly.ratelimit;
