package org.vividly.media.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.vividly.media.MediaEngines;

/**
 * {@code /actuator/health/media}: which modalities this machine can make. Missing engines report
 * {@code DEGRADED}-style details but stay UP, since text lessons work without them.
 */
@Component("media")
class MediaHealth implements HealthIndicator {

  private final MediaEngines engines;

  MediaHealth(MediaEngines engines) {
    this.engines = engines;
  }

  @Override
  public Health health() {
    var builder = Health.up().withDetail("speech", engines.speechEngine());
    builder.withDetail("narration.en", engines.narrationUnavailable("en").orElse("available: audio and video"));
    builder.withDetail("narration.es", engines.narrationUnavailable("es").orElse("available: audio and video"));
    return builder.build();
  }
}
