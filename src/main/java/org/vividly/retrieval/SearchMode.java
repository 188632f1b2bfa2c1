package org.vividly.retrieval;

/** Which ranking a search uses. */
public enum SearchMode {
  /** Lexical BM25 only. */
  BM25,
  /** Dense vectors (HNSW, cosine) only. */
  VECTOR,
  /** Both, fused by reciprocal rank fusion. */
  HYBRID
}
