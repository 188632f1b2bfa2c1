package org.vividly.retrieval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.retrieval.Retriever;
import org.vividly.retrieval.SearchHit;
import org.vividly.retrieval.SearchMode;
import org.vividly.retrieval.SearchRequest;
import org.vividly.retrieval.SearchResult;
import org.vividly.tenancy.Caller;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Hybrid search (BM25 + vectors, fused by RRF) over the library")
class SearchApi {

  private final org.vividly.tenancy.Organizations organizations;

  private final Retriever retriever;

  SearchApi(Retriever retriever, org.vividly.tenancy.Organizations organizations) {
    this.organizations = organizations;
    this.retriever = retriever;
  }

  /** A search answer. {@code tookMs} includes embedding the query. */
  record SearchResponse(String query, SearchMode mode, int k, double tookMs, double topSimilarity, List<Hit> hits) {}

  /**
   * @param startSeconds for a lecture transcript passage, where it starts in the recording; else null
   * @param endSeconds for a lecture transcript passage, where it ends; else null
   */
  record Hit(int rank, double score, double similarity, String kind, long passageId, UUID sourceId, String sourceTitle, List<String> headingPath, String location, String anchor, Double startSeconds, Double endSeconds, String text) {}

  @GetMapping
  @Operation(summary = "Search passages")
  SearchResponse search(
      @RequestParam String q,
      @RequestParam(defaultValue = "10") int k,
      @RequestParam(defaultValue = "HYBRID") @Parameter(description = "BM25, VECTOR or HYBRID") SearchMode mode,
      @RequestParam(required = false) Set<UUID> source,
      @RequestParam(required = false) Set<String> kind,
      Caller caller) {
    SearchResult result = retriever.search(new SearchRequest(caller.organization(), q, k, mode, source, kind, kind == null || kind.isEmpty() ? Set.of("teacher-note") : Set.of()).withLibraries(organizations.searchable(caller.organization())));
    List<Hit> hits = new java.util.ArrayList<>();
    for (SearchHit h : result.hits()) {
      var c = h.citation();
      hits.add(new Hit(hits.size() + 1, round(h.score()), round(h.similarity()), h.kind(), c.passageId(), c.sourceId(), c.sourceTitle(), c.headingPath(), c.location(), c.anchor(), c.startSeconds(), c.endSeconds(), h.text()));
    }
    return new SearchResponse(q, mode, k, result.micros() / 1000.0, round(result.topSimilarity()), hits);
  }

  private static double round(double v) {
    return Double.isNaN(v) ? 0 : Math.round(v * 10000) / 10000.0;
  }
}
