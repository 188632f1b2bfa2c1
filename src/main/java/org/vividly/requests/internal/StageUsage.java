package org.vividly.requests.internal;

/**
 * Measured use of one stage attempt.
 *
 * @param cpuSeconds CPU seconds of engines plus this process's worker thread
 * @param audioSeconds narration seconds produced
 * @param videoSeconds video seconds produced
 * @param llmTokens language model tokens
 * @param peakRssKb peak resident memory of the engines, KiB
 * @param bytesOut bytes of files stored
 */
public record StageUsage(double cpuSeconds, double audioSeconds, double videoSeconds, int llmTokens, long peakRssKb, long bytesOut) {

  static final StageUsage NONE = new StageUsage(0, 0, 0, 0, 0, 0);

  StageUsage plus(StageUsage o) {
    return new StageUsage(cpuSeconds + o.cpuSeconds, audioSeconds + o.audioSeconds, videoSeconds + o.videoSeconds, llmTokens + o.llmTokens, Math.max(peakRssKb, o.peakRssKb), bytesOut + o.bytesOut);
  }

  StageUsage withCpu(double seconds) {
    return new StageUsage(cpuSeconds + seconds, audioSeconds, videoSeconds, llmTokens, peakRssKb, bytesOut);
  }

  StageUsage withBytes(long bytes) {
    return new StageUsage(cpuSeconds, audioSeconds, videoSeconds, llmTokens, peakRssKb, bytesOut + bytes);
  }
}
