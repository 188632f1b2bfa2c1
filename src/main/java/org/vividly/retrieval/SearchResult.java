package org.vividly.retrieval;

import java.util.List;

/**
 * Ranked passages with the evidence needed to judge whether the library can answer at all.
 *
 * @param topSimilarity highest cosine similarity of any passage to the query (NaN in BM25 mode)
 * @param micros time spent searching, in microseconds, including embedding the query
 */
public record SearchResult(List<SearchHit> hits, double topSimilarity, long micros) {}
