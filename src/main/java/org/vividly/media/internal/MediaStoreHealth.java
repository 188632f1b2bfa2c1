package org.vividly.media.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/mediaStore}: whether the media store answers. Down when object storage
 * cannot be reached, since no audio or video could be stored or played then.
 */
@Component("mediaStoreHealthIndicator")
class MediaStoreHealth implements HealthIndicator {

  /** The SHA-256 of no bytes: a lookup that touches the store without depending on its content. */
  private static final String PROBE = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final MediaObjects objects;

  MediaStoreHealth(MediaObjects objects) {
    this.objects = objects;
  }

  @Override
  public Health health() {
    try {
      objects.exists(PROBE);
      return Health.up().withDetail("location", objects.location()).build();
    } catch (Exception e) {
      return Health.down().withDetail("location", objects.location()).withDetail("error", e.getMessage()).build();
    }
  }
}
