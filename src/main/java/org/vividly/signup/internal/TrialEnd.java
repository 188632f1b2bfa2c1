package org.vividly.signup.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.vividly.jobs.RecurringJob;
import org.vividly.signup.SignUps;

/** Ends due trials every 15 minutes. */
@Component
class TrialEnd implements RecurringJob {

  private final SignUps signUps;

  TrialEnd(SignUps signUps) {
    this.signUps = signUps;
  }

  @Override
  public String name() {
    return "end-trials";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(15);
  }

  @Override
  public void run(Instant now) {
    signUps.endTrials(now);
  }
}
