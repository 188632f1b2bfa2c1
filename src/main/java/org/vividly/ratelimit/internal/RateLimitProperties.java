package org.vividly.ratelimit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limit settings.
 *
 * @param enabled false turns every limit off
 * @param store {@code memory} (this server only, the default) or {@code redis} (shared by every
 *     server on the same Redis)
 * @param redis the Redis server, when {@code store=redis}
 * @param apiPerMinute API calls per client per minute
 * @param apiPerHour API calls per client per hour
 * @param contentRequestsPerHour questions per client per hour
 * @param signInAttempts failed sign-ins of one account from one client address per {@code
 *     signInWindow} before that account is locked from that address
 * @param signInAttemptsPerIp failed sign-ins from one client address (any account) per {@code
 *     signInWindow} before every further sign-in from it waits {@code signInSlowdown}; a correct
 *     password still signs in, so one guesser cannot lock out a school that shares the address
 * @param signInWindow see {@code signInAttempts}; sign-in locks hold even when {@code enabled} is false
 * @param signInAttemptsPerAccount failed sign-ins of one account from all addresses together per
 *     {@code signInWindow} before the account is locked everywhere (guessing spread over many addresses)
 * @param signInSlowdown how long a sign-in from an address past {@code signInAttemptsPerIp} waits
 *     before its password is checked
 * @param passwordResetsPerHour reset emails one account may be sent per hour, so that nobody can
 *     flood a person's inbox by asking for resets of their account
 */
@ConfigurationProperties("vividly.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("memory") String store,
    @DefaultValue Redis redis,
    @DefaultValue("60") long apiPerMinute,
    @DefaultValue("1000") long apiPerHour,
    @DefaultValue("10") long contentRequestsPerHour,
    @DefaultValue("5") long signInAttempts,
    @DefaultValue("100") long signInAttemptsPerIp,
    @DefaultValue("15m") Duration signInWindow,
    @DefaultValue("20") long signInAttemptsPerAccount,
    @DefaultValue("2s") Duration signInSlowdown,
    @DefaultValue("3") long passwordResetsPerHour) {

  /**
   * @param url for example {@code redis://127.0.0.1:6379}
   * @param keyPrefix prefix of the bucket keys
   */
  public record Redis(@DefaultValue("redis://127.0.0.1:6379") String url, @DefaultValue("vividly:rate-limit:") String keyPrefix) {}
}
