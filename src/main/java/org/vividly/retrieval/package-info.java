/**
 * Retrieval: embeddings and hybrid search.
 *
 * <p>Chunks are indexed twice in one index: their text for BM25 (Robertson and Zaragoza,
 * "The Probabilistic Relevance Framework: BM25 and Beyond", 2009) and their embedding in an HNSW
 * graph (Malkov and Yashunin, 2018). A hybrid query runs both and fuses the two rankings by
 * reciprocal rank fusion, {@code score(d) = sum 1 / (k + rank(d))} with k = 60 (Cormack, Clarke
 * and Buettcher, SIGIR 2009), which needs no score normalization between the two legs.
 *
 * <p>The index sits behind the {@code SearchIndex} port: embedded Lucene on disk by default
 * ({@code LuceneSearchIndex}), or SolrCloud, which several servers share ({@code SolrSearchIndex},
 * {@code vividly.retrieval.index=solr}), with the same analysis and fusion; both pass {@code
 * SearchIndexContract}.
 *
 * <p>Every {@link org.vividly.retrieval.SearchRequest} names its organization; the index filters
 * on it before ranking, so one tenant never sees another's passages.
 */
package org.vividly.retrieval;
