package org.vividly.retrieval.internal;

import org.vividly.retrieval.ChunkIndex;
import org.vividly.retrieval.SearchRequest;
import org.vividly.retrieval.SearchResult;

/**
 * Port to the search engine: BM25, vector and hybrid search over indexed chunks, always filtered
 * to the request's organization. The embedded default is {@link LuceneSearchIndex}.
 */
public interface SearchIndex extends ChunkIndex {

  /**
   * @param queryVector the query's embedding; required unless the mode is BM25
   */
  SearchResult search(SearchRequest request, float[] queryVector);
}
