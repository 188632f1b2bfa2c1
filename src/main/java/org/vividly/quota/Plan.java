package org.vividly.quota;

/**
 * A plan: how many requests of each meter a person may make per month.
 *
 * @param audience {@code individual} (a person's own plan) or {@code organization} (a base plan)
 * @param priceCents monthly price in US cents; 0 for free and organization plans
 * @param externalPriceId the payment provider's price id, for its webhooks
 */
public record Plan(String code, String name, String audience, int textPerMonth, int videoPerMonth, int priceCents, String externalPriceId) {

  public int limit(Meter meter) {
    return meter == Meter.TEXT ? textPerMonth : videoPerMonth;
  }
}
