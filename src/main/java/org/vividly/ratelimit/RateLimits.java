package org.vividly.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vividly.ratelimit.internal.RateLimitProperties;

/**
 * Checks calls against the configured limits. Buckets refill greedily (a limit of 60 per minute
 * gives one call back every second), so a client that spreads its calls is never refused.
 */
public class RateLimits {

  private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);
  private final Map<RateLimit, String> policies = new EnumMap<>(RateLimit.class);
  private final Store store;
  private final boolean enabled;
  private final Duration signInSlowdown;

  /** Where buckets live; see {@code LocalBucketStore} and {@code RedisBucketStore}. */
  public interface Store {
    ConsumptionProbe consume(String key, BucketConfiguration configuration);

    /** Gives one token back (never past the bucket's capacity). */
    void refund(String key, BucketConfiguration configuration);
  }

  public RateLimits(RateLimitProperties properties, Store store) {
    this.store = store;
    this.enabled = properties.enabled();
    this.signInSlowdown = properties.signInSlowdown();
    define(RateLimit.API, window(properties.apiPerMinute(), Duration.ofMinutes(1)), window(properties.apiPerHour(), Duration.ofHours(1)));
    define(RateLimit.CONTENT_REQUESTS, window(properties.contentRequestsPerHour(), Duration.ofHours(1)));
    define(RateLimit.SIGN_IN, window(properties.signInAttempts(), properties.signInWindow()));
    define(RateLimit.SIGN_IN_PER_ACCOUNT, window(properties.signInAttemptsPerAccount(), properties.signInWindow()));
    define(RateLimit.PASSWORD_RESETS, window(properties.passwordResetsPerHour(), Duration.ofHours(1)));
    define(RateLimit.SIGN_IN_PER_IP, window(properties.signInAttemptsPerIp(), properties.signInWindow()));
  }

  /**
   * The client a web request counts against: the signed-in person ({@code user:<id>}), or else the
   * address ({@code ip:<address>}, IPv6 by /64, see {@link ClientAddress}; behind a proxy, set
   * {@code server.forward-headers-strategy} so that this is the real client's). Signed-in people are
   * not also limited per address, because a whole school often shares one address.
   */
  public static String client(jakarta.servlet.http.HttpServletRequest request) {
    var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof org.vividly.tenancy.Caller caller) {
      return "user:" + caller.userId();
    }
    return "ip:" + ClientAddress.key(request.getRemoteAddr());
  }

  public boolean enabled() {
    return enabled;
  }

  /** How long a sign-in from an address past its failure limit waits before its password is checked. */
  public Duration signInSlowdown() {
    return signInSlowdown;
  }

  /**
   * Takes one call from {@code client}'s bucket for {@code limit}.
   *
   * @param client who is calling, for example {@code ip:203.0.113.7} or {@code user:<id>}
   */
  public RateLimitDecision consume(RateLimit limit, String client) {
    BucketConfiguration configuration = configurations.get(limit);
    long capacity = configuration.getBandwidths()[0].getCapacity();
    if (!enabled && !limit.alwaysOn()) return new RateLimitDecision(true, capacity, capacity, 0, 0, policies.get(limit));
    ConsumptionProbe probe = store.consume(limit.name().toLowerCase(Locale.ROOT) + ":" + client, configuration);
    long reset = seconds(probe.getNanosToWaitForReset());
    if (probe.isConsumed()) return new RateLimitDecision(true, capacity, probe.getRemainingTokens(), reset, 0, policies.get(limit));
    return new RateLimitDecision(false, capacity, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())), policies.get(limit));
  }

  /**
   * Gives back a token taken by {@link #consume}: how sign-in takes a token before it checks a
   * password (so that parallel tries cannot all pass one check) and returns it when the password
   * was right.
   */
  public void refund(RateLimit limit, String client) {
    if (!enabled && !limit.alwaysOn()) return;
    store.refund(limit.name().toLowerCase(Locale.ROOT) + ":" + client, configurations.get(limit));
  }

  /** Like {@link #consume}, throwing when the call is refused. */
  public RateLimitDecision require(RateLimit limit, String client) {
    RateLimitDecision decision = consume(limit, client);
    if (!decision.allowed()) throw new RateLimitExceeded(limit.description, decision.retryAfterSeconds());
    return decision;
  }

  private void define(RateLimit limit, Bandwidth... windows) {
    var builder = BucketConfiguration.builder();
    for (Bandwidth w : windows) builder.addLimit(w);
    configurations.put(limit, builder.build());
    policies.put(limit, Stream.of(windows).map(w -> w.getCapacity() + ";w=" + TimeUnit.NANOSECONDS.toSeconds(w.getRefillPeriodNanos())).collect(Collectors.joining(", ")));
  }

  private static Bandwidth window(long capacity, Duration period) {
    return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
  }

  private static long seconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
