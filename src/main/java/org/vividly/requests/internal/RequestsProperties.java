package org.vividly.requests.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Content request settings.
 *
 * @param workers renders run at the same time; each encode already uses every core, so 1 suits a
 *     small machine
 * @param maxAttempts attempts of a render before the request fails (retriable failures only)
 * @param retryBackoff wait before the second attempt; doubles for each further one
 * @param heartbeat how often a running render proves it is alive; a render whose server died is
 *     taken over after {@code missedHeartbeats} of these
 * @param missedHeartbeats see {@code heartbeat}
 * @param pollInterval how often idle workers look for due renders (new requests start at once)
 * @param prices what measured use costs
 */
@ConfigurationProperties("vividly.requests")
public record RequestsProperties(
    @DefaultValue("1") int workers,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("2s") Duration retryBackoff,
    @DefaultValue("2s") Duration heartbeat,
    @DefaultValue("4") int missedHeartbeats,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue Prices prices) {

  /**
   * A price table in US dollars. The defaults approximate a small cloud VM (2 vCPU at about
   * $0.04 an hour gives $0.00002 per CPU second) and leave per-second media prices at zero for
   * self-hosted engines; set them to a provider's prices to compare.
   *
   * @param cpuSecond per CPU second of engines and workers
   * @param audioSecond per second of narration synthesized
   * @param videoSecond per second of video encoded (per format)
   * @param llmToken per language model token
   */
  public record Prices(
      @DefaultValue("0.00002") BigDecimal cpuSecond,
      @DefaultValue("0") BigDecimal audioSecond,
      @DefaultValue("0") BigDecimal videoSecond,
      @DefaultValue("0.000002") BigDecimal llmToken) {}
}
