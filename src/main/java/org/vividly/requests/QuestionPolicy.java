package org.vividly.requests;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vividly.quota.Meter;
import org.vividly.quota.QuotaExceeded;
import org.vividly.quota.Quotas;
import org.vividly.ratelimit.RateLimit;
import org.vividly.ratelimit.RateLimitExceeded;
import org.vividly.ratelimit.RateLimits;
import org.vividly.tenancy.Caller;

/**
 * What every question costs, in one place: content requests, lessons and chat answers all pass
 * here before any work. One unit of the caller's monthly quota is reserved under the id of the
 * answer to come, then one of their questions per hour ({@code
 * vividly.rate-limit.content-requests-per-hour}) is taken; the unit is given back when the hour's
 * limit refuses, and by the caller when the answer fails.
 */
@Service
public class QuestionPolicy {

  private final Quotas quotas;
  private final RateLimits limits;
  private final io.micrometer.core.instrument.MeterRegistry meters;

  QuestionPolicy(Quotas quotas, RateLimits limits, io.micrometer.core.instrument.MeterRegistry meters) {
    this.quotas = quotas;
    this.limits = limits;
    this.meters = meters;
  }

  /**
   * Admits a question for {@code caller}, charged to {@code meter} under {@code answerId}.
   *
   * @throws QuotaExceeded when the caller has no units of that meter left this month
   * @throws RateLimitExceeded when the caller asked too many questions this hour (nothing is charged)
   */
  public void admit(Caller caller, Meter meter, UUID answerId) {
    try {
      quotas.reserve(caller.organization(), caller.userId(), meter, answerId);
    } catch (QuotaExceeded e) {
      count(meter, "quota-exceeded");
      throw e;
    }
    try {
      // After the quota: a question refused for the month does not also use up one of the hour's.
      limits.require(RateLimit.CONTENT_REQUESTS, "user:" + caller.userId());
    } catch (RuntimeException e) {
      quotas.release(answerId);
      count(meter, e instanceof RateLimitExceeded ? "rate-limited" : "failed");
      throw e;
    }
    count(meter, "admitted");
  }

  /** {@code vividly.questions}: questions by meter and outcome (admitted, quota-exceeded, rate-limited). */
  private void count(Meter meter, String outcome) {
    meters.counter("vividly.questions", "meter", meter.name().toLowerCase(java.util.Locale.ROOT), "outcome", outcome).increment();
  }

  /** Gives back the unit of an answer that failed; a second call does nothing. */
  public void release(UUID answerId) {
    quotas.release(answerId);
  }
}
