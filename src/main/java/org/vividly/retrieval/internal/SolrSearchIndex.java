package org.vividly.retrieval.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.ContentStreamBase;
import org.vividly.retrieval.Citation;
import org.vividly.retrieval.IndexedChunk;
import org.vividly.retrieval.QuestionWords;
import org.vividly.retrieval.SearchHit;
import org.vividly.retrieval.SearchMode;
import org.vividly.retrieval.SearchRequest;
import org.vividly.retrieval.SearchResult;

/**
 * Search on Apache Solr in SolrCloud mode, which several Vividly servers share: BM25 with the same
 * analysis as {@link LuceneSearchIndex} (Lucene's English chain; the question words left out of
 * queries), HNSW vectors with cosine similarity ({@code {!knn}}, filters applied before the
 * nearest-neighbour search), and reciprocal rank fusion of the two (Cormack, Clarke and Büttcher,
 * SIGIR 2009) over passage ids, as the embedded index fuses. The organization filter is part of
 * every query.
 *
 * <p>At start it uploads its configset ({@code vividly-<dimensions>}: the schema in {@code
 * solr/configset}, the vector size of the embedder) and creates the collection with the configured
 * shards and replicas when they are missing. It talks to the cluster through SolrJ's {@link
 * CloudSolrClient} on the JDK HTTP client, which routes updates to shard leaders.
 *
 * <p>{@link #add}, {@link #deleteSections}, {@link #deleteSource} and {@link #deleteAll} wait in
 * this server's memory, in order, until {@link #commit} sends them in batches and commits, so a
 * search on any server sees a whole ingestion or none of it, and {@link #rollback} drops them:
 * SolrCloud has no rollback of its own, and a commit by any server publishes every document sent
 * before it. Held chunks cost about their vector and text in memory (some 3 KB for a 384-dimension
 * chunk), so rebuilding a library of 100,000 chunks holds some 300 MB until its commit.
 */
public final class SolrSearchIndex implements SearchIndex, AutoCloseable {

  private static final int MIN_KNN_CANDIDATES = 50;
  private static final int BATCH = 500;
  private static final String FIELDS = "id,source,section,kind,text,title,path,section_key,anchor,start,end,score";
  /** Searches are reads: tried again when the connection, not Solr, failed (see {@link #query}). */
  private static final io.github.resilience4j.retry.Retry SEARCH_RETRY = io.github.resilience4j.retry.Retry.of("solr-search",
      io.github.resilience4j.retry.RetryConfig.custom()
          .maxAttempts(3)
          .waitDuration(java.time.Duration.ofMillis(20))
          .retryOnException(e -> e instanceof SolrServerException || e instanceof IOException)
          .build());

  private final SolrClient solr;
  private final String collection;
  private final int rrfK;
  private final int candidates;
  private final List<Object> pending = new ArrayList<>();

  private record DeleteQuery(String query) {}

  SolrSearchIndex(SolrClient solr, String collection, int rrfK, int candidates) {
    this.solr = solr;
    this.collection = collection;
    this.rrfK = rrfK;
    this.candidates = candidates;
  }

  /**
   * Connects to the cluster at {@code settings.urls()} and makes sure its collection exists.
   *
   * @param dimensions the embedder's vector size
   * @throws IllegalStateException when the cluster cannot be reached or refuses the collection
   */
  public static SolrSearchIndex connect(RetrievalProperties.Solr settings, int dimensions, int rrfK, int candidates) {
    if (settings.urls().isEmpty()) throw new IllegalStateException("vividly.retrieval.solr.urls must name at least one Solr node, for example http://localhost:8983/solr");
    // HTTP/1.1: the JDK client's HTTP/2 upgrade fails on large update bodies against Solr's Jetty
    // ("invalid_preface"), which a 500-chunk batch of vectors is.
    var http = new HttpJdkSolrClient.Builder()
        .useHttp1_1(true)
        .withConnectionTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .withIdleTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    CloudSolrClient client = new CloudSolrClient.Builder(settings.urls()).withHttpClientBuilder(http).withDefaultCollection(settings.collection()).build();
    var index = new SolrSearchIndex(client, settings.collection(), rrfK, candidates);
    try {
      index.createCollectionIfMissing(settings.shards(), settings.replicas(), dimensions);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    return index;
  }

  void createCollectionIfMissing(int shards, int replicas, int dimensions) {
    try {
      List<String> collections = CollectionAdminRequest.listCollections(solr);
      if (collections.contains(collection)) return;
      String configSet = "vividly-" + dimensions;
      List<String> configSets = new ConfigSetAdminRequest.List().process(solr).getConfigSets();
      if (!configSets.contains(configSet)) {
        var upload = new ConfigSetAdminRequest.Upload().setConfigSetName(configSet).setUploadStream(new ContentStreamBase.ByteArrayStream(configSet(dimensions), configSet + ".zip", "application/zip"));
        upload.process(solr);
      }
      var create = CollectionAdminRequest.createCollection(collection, configSet, shards, replicas);
      create.setWaitForFinalState(true);
      create.process(solr);
    } catch (SolrServerException | IOException | org.apache.solr.common.SolrException e) {
      throw new IllegalStateException("Could not create the Solr collection " + collection + ": " + e.getMessage(), e);
    }
  }

  /** The configset as a ZIP: schema with the vector size filled in, settings and stop words. */
  static byte[] configSet(int dimensions) {
    try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
      put(zip, "schema.xml", resource("schema.xml").replace("${dimensions}", Integer.toString(dimensions)));
      put(zip, "solrconfig.xml", resource("solrconfig.xml"));
      TreeSet<String> stop = new TreeSet<>();
      EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> stop.add(new String((char[]) w)));
      put(zip, "stopwords.txt", String.join("\n", stop) + "\n");
      stop.addAll(QuestionWords.ALL);
      put(zip, "query-stopwords.txt", String.join("\n", stop) + "\n");
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SolrSearchIndex.class.getResourceAsStream("/solr/configset/" + name)) {
      if (in == null) throw new IOException("missing resource solr/configset/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Override
  public synchronized void add(List<IndexedChunk> chunks) {
    pending.addAll(chunks);
  }

  private static SolrInputDocument toDocument(IndexedChunk chunk) {
    Citation c = chunk.citation();
    var doc = new SolrInputDocument();
    doc.addField("id", Long.toString(c.passageId()));
    doc.addField("org", chunk.organization().toString());
    doc.addField("source", c.sourceId().toString());
    doc.addField("section", c.sectionId().toString());
    doc.addField("kind", chunk.kind());
    doc.addField("text", chunk.text());
    doc.addField("bm25", String.join(" ", c.headingPath().subList(Math.min(1, c.headingPath().size()), c.headingPath().size())) + "\n" + chunk.text());
    List<Float> vector = new ArrayList<>(chunk.embedding().length);
    for (float f : chunk.embedding()) vector.add(f);
    doc.addField("vector", vector);
    doc.addField("title", c.sourceTitle());
    doc.addField("path", c.headingPath());
    doc.addField("section_key", c.sectionKey());
    if (c.anchor() != null) doc.addField("anchor", c.anchor());
    if (c.timed()) {
      doc.addField("start", c.startSeconds());
      doc.addField("end", c.endSeconds());
    }
    return doc;
  }

  @Override
  public synchronized void deleteSections(Collection<UUID> sectionIds) {
    if (sectionIds.isEmpty()) return;
    pending.add(new DeleteQuery(terms("section", sectionIds.stream().map(UUID::toString).toList())));
  }

  @Override
  public synchronized void deleteSource(UUID sourceId) {
    pending.add(new DeleteQuery(terms("source", List.of(sourceId.toString()))));
  }

  @Override
  public synchronized void deleteAll() {
    pending.add(new DeleteQuery("*:*"));
  }

  @Override
  public synchronized void commit() {
    List<String> sent = new ArrayList<>();
    try {
      UpdateRequest batch = new UpdateRequest();
      for (Object op : pending) {
        if (op instanceof DeleteQuery d) {
          // A delete must not overtake the additions before it, nor be overtaken by the ones after.
          send(batch);
          batch = new UpdateRequest();
          new UpdateRequest().deleteByQuery(d.query()).process(solr, collection);
        } else {
          IndexedChunk chunk = (IndexedChunk) op;
          batch.add(toDocument(chunk));
          sent.add(Long.toString(chunk.citation().passageId()));
          if (batch.getDocuments().size() == BATCH) {
            send(batch);
            batch = new UpdateRequest();
          }
        }
      }
      send(batch);
      // A hard commit that waits for every replica's new searcher: what returns is searchable everywhere.
      solr.commit(collection, true, true);
      pending.clear();
    } catch (SolrServerException | IOException | org.apache.solr.common.SolrException e) {
      pending.clear();
      // Documents sent but not committed would appear at the next commit of any server: take them back.
      withdraw(sent);
      throw new UncheckedIOException("Cannot commit to the Solr collection " + collection, e instanceof IOException io ? io : new IOException(e.getMessage(), e));
    }
  }

  private void send(UpdateRequest batch) throws SolrServerException, IOException {
    if (batch.getDocuments() != null && !batch.getDocuments().isEmpty()) batch.process(solr, collection);
  }

  private void withdraw(List<String> ids) {
    if (ids.isEmpty()) return;
    try {
      for (int i = 0; i < ids.size(); i += BATCH) new UpdateRequest().deleteById(ids.subList(i, Math.min(ids.size(), i + BATCH))).process(solr, collection);
    } catch (SolrServerException | IOException | RuntimeException e) {
      // The cluster is unreachable; a server's start-up check finds the index and the database apart and rebuilds it.
    }
  }

  @Override
  public synchronized void rollback() {
    pending.clear();
  }

  @Override
  public int size() {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("rows", 0);
    return (int) query(params).getResults().getNumFound();
  }

  @Override
  public SearchResult search(SearchRequest request, float[] queryVector) {
    int n = request.mode() == SearchMode.HYBRID ? Math.max(candidates, request.k()) : request.k();
    List<String> filters = filters(request);
    List<SolrDocument> lexical = request.mode() == SearchMode.VECTOR ? List.of() : bm25(request.query(), filters, n);
    List<SolrDocument> semantic = List.of();
    Map<String, Double> similarity = new HashMap<>();
    double top = Double.NaN;
    if (request.mode() != SearchMode.BM25) {
      if (queryVector == null) throw new IllegalArgumentException("A " + request.mode() + " search needs a query vector");
      semantic = knn(queryVector, filters, Math.max(n, MIN_KNN_CANDIDATES));
      for (SolrDocument d : semantic) {
        double cosine = 2 * score(d) - 1; // Lucene scores COSINE as (1 + cos) / 2
        similarity.put(id(d), cosine);
        if (Double.isNaN(top) || cosine > top) top = cosine;
      }
    }
    List<SearchHit> hits = new ArrayList<>();
    switch (request.mode()) {
      case BM25 -> lexical.forEach(d -> hits.add(toHit(d, score(d), Double.NaN)));
      case VECTOR -> semantic.stream().limit(request.k()).forEach(d -> hits.add(toHit(d, similarity.get(id(d)), similarity.get(id(d)))));
      case HYBRID -> {
        Map<String, SolrDocument> docs = new LinkedHashMap<>();
        Map<String, Double> fused = new HashMap<>();
        fuse(lexical, docs, fused);
        fuse(semantic.subList(0, Math.min(n, semantic.size())), docs, fused);
        docs.keySet().stream()
            .sorted((a, b) -> fused.get(b).equals(fused.get(a)) ? a.compareTo(b) : Double.compare(fused.get(b), fused.get(a)))
            .limit(request.k())
            .forEach(id -> hits.add(toHit(docs.get(id), fused.get(id), similarity.getOrDefault(id, Double.NaN))));
      }
    }
    return new SearchResult(hits, top, 0);
  }

  /** Adds each document's reciprocal rank, {@code 1 / (k + rank)} with ranks from 1, to its fused score. */
  private void fuse(List<SolrDocument> ranking, Map<String, SolrDocument> docs, Map<String, Double> fused) {
    for (int rank = 0; rank < ranking.size(); rank++) {
      String id = id(ranking.get(rank));
      docs.putIfAbsent(id, ranking.get(rank));
      fused.merge(id, 1.0 / (rrfK + rank + 1), Double::sum);
    }
  }

  private List<SolrDocument> bm25(String text, List<String> filters, int n) {
    ModifiableSolrParams params = base(filters, n);
    // The lucene parser with every query character escaped: the words are ORed, as Lucene's QueryBuilder does.
    // Lower case, so "AND", "OR" and "NOT" in a question stay words; the analysis lower-cases anyway.
    String escaped = ClientUtils.escapeQueryChars(text.toLowerCase(Locale.ROOT)).replaceAll("\\\\(\\s)", "$1");
    params.set("q", "{!lucene df=bm25 q.op=OR}" + escaped);
    return query(params).getResults();
  }

  private List<SolrDocument> knn(float[] vector, List<String> filters, int n) {
    ModifiableSolrParams params = base(filters, n);
    StringBuilder v = new StringBuilder("[");
    for (int i = 0; i < vector.length; i++) v.append(i == 0 ? "" : ",").append(vector[i]);
    params.set("q", "{!knn f=vector topK=" + n + "}" + v.append(']'));
    return query(params).getResults();
  }

  private static ModifiableSolrParams base(List<String> filters, int n) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("rows", n);
    params.set("fl", FIELDS);
    for (String fq : filters) params.add("fq", fq);
    return params;
  }

  /**
   * Runs a search, tried again (up to 3 times in all) when the connection failed rather than Solr:
   * a pooled keep-alive connection the node closed as it was reused answers no bytes at all ("header
   * parser received no bytes"), which under load is a normal race. Searches are reads, so repeating
   * one is safe; an error Solr answered (a bad query, a missing collection) is not repeated.
   */
  private QueryResponse query(ModifiableSolrParams params) {
    try {
      return SEARCH_RETRY.executeCallable(() -> new QueryRequest(params, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).process(solr, collection));
    } catch (SolrServerException | IOException | org.apache.solr.common.SolrException e) {
      throw new UncheckedIOException("Search failed on the Solr collection " + collection, e instanceof IOException io ? io : new IOException(e.getMessage(), e));
    } catch (Exception e) {
      throw new IllegalStateException("Search failed on the Solr collection " + collection, e);
    }
  }

  private static List<String> filters(SearchRequest request) {
    List<String> fq = new ArrayList<>();
    List<String> orgs = new ArrayList<>();
    orgs.add(request.organization().toString());
    request.sharedLibraries().forEach(o -> orgs.add(o.toString()));
    fq.add(terms("org", orgs));
    if (!request.sourceIds().isEmpty()) fq.add(terms("source", request.sourceIds().stream().map(UUID::toString).toList()));
    if (!request.kinds().isEmpty()) fq.add(terms("kind", List.copyOf(request.kinds())));
    if (!request.excludedKinds().isEmpty()) fq.add("-" + terms("kind", List.copyOf(request.excludedKinds())));
    return fq;
  }

  /** A {@code {!terms}} query: values are ids and kind names, never user text, so a comma cannot occur. */
  private static String terms(String field, List<String> values) {
    for (String v : values) if (v.contains(",") || v.contains("}")) throw new IllegalArgumentException("Not an id or kind: " + v);
    return "{!terms f=" + field + "}" + values.stream().collect(Collectors.joining(","));
  }

  private static String id(SolrDocument d) {
    return (String) d.getFirstValue("id");
  }

  private static double score(SolrDocument d) {
    return ((Number) d.getFirstValue("score")).doubleValue();
  }

  private static SearchHit toHit(SolrDocument d, double score, double similarity) {
    Object start = d.getFirstValue("start");
    Object end = d.getFirstValue("end");
    List<String> path = d.getFieldValues("path") == null ? List.of() : d.getFieldValues("path").stream().map(Object::toString).toList();
    Citation citation = new Citation(
        Long.parseLong(id(d)),
        UUID.fromString((String) d.getFirstValue("source")),
        (String) d.getFirstValue("title"),
        UUID.fromString((String) d.getFirstValue("section")),
        (String) d.getFirstValue("section_key"),
        path,
        (String) d.getFirstValue("anchor"),
        start == null ? null : ((Number) start).doubleValue(),
        end == null ? null : ((Number) end).doubleValue());
    return new SearchHit((String) d.getFirstValue("kind"), (String) d.getFirstValue("text"), citation, score, similarity);
  }

  @Override
  public void close() {
    try {
      solr.close();
    } catch (IOException e) {
      // Nothing is pending on a closed index.
    }
  }
}
