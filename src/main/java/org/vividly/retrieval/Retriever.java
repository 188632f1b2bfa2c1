package org.vividly.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;
import org.vividly.retrieval.internal.SearchIndex;

/**
 * Searches an organization's library: embeds the query, then asks the index. Each search is timed
 * as {@code vividly.search} (tag {@code mode}: hybrid, bm25 or dense), query embedding included.
 */
@Service
public class Retriever {

  private final Embedder embedder;
  private final SearchIndex index;
  private final Map<SearchMode, Timer> timers = new java.util.EnumMap<>(SearchMode.class);

  Retriever(Embedder embedder, SearchIndex index, MeterRegistry meters) {
    this.embedder = embedder;
    this.index = index;
    for (SearchMode mode : SearchMode.values()) {
      timers.put(mode, Timer.builder("vividly.search").description("One search of a library, query embedding included").tag("mode", mode.name().toLowerCase(java.util.Locale.ROOT))
          .publishPercentileHistogram().register(meters));
    }
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
      long nanos = System.nanoTime() - start;
      timers.get(request.mode()).record(nanos, TimeUnit.NANOSECONDS);
      results.add(new SearchResult(result.hits(), result.topSimilarity(), nanos / 1000));
    }
    return results;
  }

  public SearchResult search(SearchRequest request) {
    return searchAll(List.of(request)).getFirst();
  }
}
