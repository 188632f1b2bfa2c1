package org.vividly.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.vividly.retrieval.internal.SearchIndex;

/** Searches an organization's library: embeds the query, then asks the index. */
@Service
public class Retriever {

  private final Embedder embedder;
  private final SearchIndex index;

  Retriever(Embedder embedder, SearchIndex index) {
    this.embedder = embedder;
    this.index = index;
  }

  /**
   * Runs several searches, embedding each distinct query once (a lesson asks for passages,
   * examples and exercises for the same question).
   */
  public List<SearchResult> searchAll(List<SearchRequest> requests) {
    Map<String, float[]> vectors = new HashMap<>();
    List<SearchResult> results = new ArrayList<>(requests.size());
    for (SearchRequest request : requests) {
      long start = System.nanoTime();
      float[] vector = request.mode() == SearchMode.BM25 ? null : vectors.computeIfAbsent(request.query(), embedder::embedQuery);
      SearchResult result = index.search(request, vector);
      results.add(new SearchResult(result.hits(), result.topSimilarity(), (System.nanoTime() - start) / 1000));
    }
    return results;
  }

  public SearchResult search(SearchRequest request) {
    return searchAll(List.of(request)).getFirst();
  }
}
