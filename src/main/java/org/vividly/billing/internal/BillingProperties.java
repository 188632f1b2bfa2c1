package org.vividly.billing.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param webhookSecret the secret the payment provider signs its webhooks with; empty turns the webhook off
 * @param tolerance how old a delivery's signed timestamp may be (older ones are replays)
 */
@ConfigurationProperties("vividly.billing")
public record BillingProperties(@DefaultValue("") String webhookSecret, @DefaultValue("5m") Duration tolerance) {}
