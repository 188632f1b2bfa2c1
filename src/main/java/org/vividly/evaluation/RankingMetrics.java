package org.vividly.evaluation;

import java.util.List;
import java.util.Map;

/** Ranking quality of one ranked list of document ids against graded relevance judgments. */
public final class RankingMetrics {

  private RankingMetrics() {}

  /** nDCG@k with linear gains, as trec_eval's ndcg_cut computes it. */
  public static double ndcg(List<String> ranked, Map<String, Integer> relevance, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) dcg += relevance.getOrDefault(ranked.get(i), 0) / log2(i + 2);
    List<Integer> ideal = relevance.values().stream().filter(r -> r > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) idcg += ideal.get(i) / log2(i + 2);
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** Reciprocal rank of the first relevant document within the top k, or 0. */
  public static double reciprocalRank(List<String> ranked, Map<String, Integer> relevance, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) if (relevance.getOrDefault(ranked.get(i), 0) > 0) return 1.0 / (i + 1);
    return 0;
  }

  /** Share of the relevant documents found in the top k. */
  public static double recall(List<String> ranked, Map<String, Integer> relevance, int k) {
    long relevant = relevance.values().stream().filter(r -> r > 0).count();
    if (relevant == 0) return 0;
    long found = ranked.stream().limit(k).filter(id -> relevance.getOrDefault(id, 0) > 0).count();
    return found / (double) relevant;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
