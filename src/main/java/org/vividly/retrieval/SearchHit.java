package org.vividly.retrieval;

/**
 * One retrieved passage.
 *
 * @param score the ranking score of the requested mode (BM25 score, cosine similarity, or RRF
 *     score)
 * @param similarity cosine similarity between query and passage embeddings, in [-1, 1]; NaN when
 *     the passage was not scored by the vector leg
 */
public record SearchHit(String kind, String text, Citation citation, double score, double similarity) {}
