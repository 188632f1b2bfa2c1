package org.vividly.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTests {

  static final Map<String, Integer> RELEVANT = Map.of("a", 1, "b", 1);

  @Test
  void perfectRankingScoresOne() {
    assertThat(RankingMetrics.ndcg(List.of("a", "b", "x"), RELEVANT, 10)).isCloseTo(1.0, within(1e-9));
    assertThat(RankingMetrics.reciprocalRank(List.of("a", "b"), RELEVANT, 10)).isEqualTo(1.0);
    assertThat(RankingMetrics.recall(List.of("a", "b"), RELEVANT, 100)).isEqualTo(1.0);
  }

  @Test
  void matchesHandComputedValues() {
    // relevant at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3)
    double expected = (1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3));
    assertThat(RankingMetrics.ndcg(List.of("x", "a", "y", "b"), RELEVANT, 10)).isCloseTo(expected, within(1e-9));
    assertThat(RankingMetrics.reciprocalRank(List.of("x", "a"), RELEVANT, 10)).isEqualTo(0.5);
    assertThat(RankingMetrics.recall(List.of("x", "a"), RELEVANT, 100)).isEqualTo(0.5);
  }

  @Test
  void cutsOffAtK() {
    assertThat(RankingMetrics.reciprocalRank(List.of("x", "y", "a"), RELEVANT, 2)).isZero();
    assertThat(RankingMetrics.ndcg(List.of("x", "y", "a"), RELEVANT, 2)).isZero();
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
