package org.vividly.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.vividly.common.InvalidRequest;
import org.vividly.jobs.JobFailed;
import org.vividly.jobs.JobProgress;
import org.vividly.jobs.JobView;
import org.vividly.jobs.Jobs;
import org.vividly.retrieval.Retriever;
import org.vividly.retrieval.SearchBenchmark;
import org.vividly.retrieval.SearchHit;
import org.vividly.retrieval.SearchMode;
import org.vividly.retrieval.SearchRequest;
import org.vividly.sources.Ingestion;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Organizations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a BEIR dataset through ingestion and retrieval in an organization of its own
 * ({@code eval-<dataset>}), then scores BM25, vector and hybrid rankings. Documents are ranked by
 * their best chunk. Re-running reuses what is already ingested.
 */
@Service
public class RetrievalEvaluation {

  /** Chunks retrieved per query, enough to rank 100 distinct documents when documents have several chunks. */
  private static final int CHUNKS_PER_QUERY = 300;

  private final Jobs jobs;
  private final Ingestion ingestion;
  private final Retriever retriever;
  private final Organizations organizations;
  private final JsonMapper json;

  RetrievalEvaluation(Jobs jobs, Ingestion ingestion, Retriever retriever, Organizations organizations, JsonMapper json) {
    this.jobs = jobs;
    this.ingestion = ingestion;
    this.retriever = retriever;
    this.organizations = organizations;
    this.json = json;
  }

  /**
   * Queues an evaluation of an uploaded BEIR folder (ZIP of {@code corpus.jsonl},
   * {@code queries.jsonl}, {@code qrels/<split>.tsv}).
   */
  public JobView submit(OrganizationId caller, InputStream zip, String fileName, String split) {
    String dataset = fileName == null ? "beir" : fileName.replaceAll("(?i)\\.zip$", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    if (!split.matches("[a-z]+")) throw new InvalidRequest("split must be a word such as test or dev");
    Path dir = ingestion.unpack(zip, fileName);
    if (!Files.isRegularFile(dir.resolve("corpus.jsonl")) || !Files.isRegularFile(dir.resolve("queries.jsonl")) || !Files.isRegularFile(dir.resolve("qrels").resolve(split + ".tsv"))) {
      Ingestion.delete(dir);
      throw new InvalidRequest("A BEIR dataset needs corpus.jsonl, queries.jsonl and qrels/" + split + ".tsv at the top of the archive");
    }
    try {
      Map<String, String> data = new java.util.LinkedHashMap<>(ingestion.share(dir));
      data.put("dataset", dataset);
      data.put("split", split);
      return jobs.submit(caller, KIND, "retrieval on " + dataset + " (" + split + ")", data);
    } catch (RuntimeException e) {
      Ingestion.delete(dir);
      throw e;
    }
  }

  static final String KIND = "evaluation";

  /** Runs an evaluation job from its upload; run again after a crash, it evaluates again. */
  void run(org.vividly.jobs.Job job, JobProgress progress) {
    Path dir = ingestion.open(job.data());
    progress.report(run(job.require("dataset"), dir, job.require("split"), progress));
  }

  private Map<String, Object> run(String dataset, Path dir, String split, JobProgress progress) {
    OrganizationId org = organizations.resolve(("eval-" + dataset).replaceAll("-+$", "")).id();
    try {
      Path corpusDir = dir.resolve("corpus").resolve(dataset);
      Files.createDirectories(corpusDir);
      Files.move(dir.resolve("corpus.jsonl"), corpusDir.resolve("corpus.jsonl"), StandardCopyOption.REPLACE_EXISTING);
      long start = System.nanoTime();
      Map<String, Object> ingest = ingestion.ingestFolder(org, dir.resolve("corpus"), progress);
      double ingestSeconds = (System.nanoTime() - start) / 1e9;
      Map<String, String> queries = queries(dir.resolve("queries.jsonl"));
      Map<String, Map<String, Integer>> qrels = qrels(dir.resolve("qrels").resolve(split + ".tsv"));
      qrels.keySet().retainAll(queries.keySet());
      if (qrels.isEmpty()) throw new JobFailed("No query in qrels/" + split + ".tsv appears in queries.jsonl");
      progress.phase("querying");
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("dataset", dataset);
      report.put("split", split);
      report.put("queries", qrels.size());
      report.put("documents", ingest.get("sections"));
      report.put("chunksEmbedded", ingest.get("chunks"));
      report.put("ingestSeconds", round(ingestSeconds));
      List<Map<String, Object>> modes = new ArrayList<>();
      for (SearchMode mode : SearchMode.values()) modes.add(score(org, mode, queries, qrels));
      report.put("modes", modes);
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> score(OrganizationId org, SearchMode mode, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {
    double ndcg = 0, mrr = 0, recall = 0;
    double[] millis = new double[qrels.size()];
    int i = 0;
    for (Map.Entry<String, Map<String, Integer>> q : qrels.entrySet()) {
      long t = System.nanoTime();
      List<SearchHit> hits = retriever.search(new SearchRequest(org, queries.get(q.getKey()), CHUNKS_PER_QUERY, mode, Set.of(), Set.of(), Set.of())).hits();
      millis[i++] = (System.nanoTime() - t) / 1e6;
      List<String> ranked = new ArrayList<>(new LinkedHashSet<>(hits.stream().map(h -> h.citation().sectionKey()).toList()));
      ndcg += RankingMetrics.ndcg(ranked, q.getValue(), 10);
      mrr += RankingMetrics.reciprocalRank(ranked, q.getValue(), 10);
      recall += RankingMetrics.recall(ranked, q.getValue(), 100);
    }
    int n = qrels.size();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode.name());
    m.put("ndcgAt10", round4(ndcg / n));
    m.put("mrrAt10", round4(mrr / n));
    m.put("recallAt100", round4(recall / n));
    Map<String, Object> latency = SearchBenchmark.percentiles(millis);
    m.put("p50Ms", latency.get("p50Ms"));
    m.put("p99Ms", latency.get("p99Ms"));
    return m;
  }

  private Map<String, String> queries(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode q = json.readTree(line);
        out.put(q.path("_id").asString(), q.path("text").asString());
      }
    }
    return out;
  }

  private static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length < 3 || f[0].equals("query-id")) continue;
      out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
