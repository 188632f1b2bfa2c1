package org.vividly.requests.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/** Measured use times the configured price table ({@code vividly.requests.prices}). */
@Component
class Pricing {

  private final RequestsProperties.Prices prices;

  Pricing(RequestsProperties properties) {
    this.prices = properties.prices();
  }

  BigDecimal cost(StageUsage u) {
    return prices.cpuSecond().multiply(BigDecimal.valueOf(u.cpuSeconds()))
        .add(prices.audioSecond().multiply(BigDecimal.valueOf(u.audioSeconds())))
        .add(prices.videoSecond().multiply(BigDecimal.valueOf(u.videoSeconds())))
        .add(prices.llmToken().multiply(BigDecimal.valueOf(u.llmTokens())))
        .setScale(6, RoundingMode.HALF_UP);
  }
}
