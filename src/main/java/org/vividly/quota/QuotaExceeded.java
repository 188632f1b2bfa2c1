package org.vividly.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/** The person has used this month's requests of a meter; says what is left and when it resets. */
public class QuotaExceeded extends VividlyException {

  private final Meter meter;
  private final int limit;
  private final Instant resetsAt;
  private final String plan;
  private final boolean upgradeAllowed;

  public QuotaExceeded(Meter meter, int limit, Instant resetsAt, String plan, boolean upgradeAllowed) {
    super(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded",
        "You have used all " + limit + " " + (meter == Meter.TEXT ? "text" : "audio and video") + " requests of your " + plan + " plan this month; 0 are left. "
            + "Your quota resets on " + DateTimeFormatter.ofPattern("MMMM d, yyyy").withZone(ZoneOffset.UTC).format(resetsAt) + " (UTC)."
            + (upgradeAllowed ? " Upgrade your plan for more." : " Ask your school's administrator about a larger plan."));
    this.meter = meter;
    this.limit = limit;
    this.resetsAt = resetsAt;
    this.plan = plan;
    this.upgradeAllowed = upgradeAllowed;
  }

  @Override
  public long retryAfterSeconds() {
    return Math.max(1, Duration.between(Instant.now(), resetsAt).toSeconds());
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("meter", meter.key(), "limit", limit, "remaining", 0, "resetsAt", resetsAt.toString(), "plan", plan, "upgradeAllowed", upgradeAllowed);
  }

  public boolean upgradeAllowed() {
    return upgradeAllowed;
  }
}
