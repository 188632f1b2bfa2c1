package org.vividly.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of measured latencies (nearest-rank). */
final class LoadStats {

  private LoadStats() {}

  static double percentile(List<Long> values, double p) {
    if (values.isEmpty()) return 0;
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
  }
}
