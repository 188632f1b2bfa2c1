package org.vividly.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vividly.jobs.JobProgress;
import org.vividly.retrieval.internal.LuceneSearchIndex;
import org.vividly.tenancy.OrganizationId;

/**
 * Search latency benchmarks: real queries against a library, and a synthetic index of many chunks
 * (Zipf-distributed words, random unit vectors) built in a temporary folder.
 */
@Service
public class SearchBenchmark {

  private final Retriever retriever;
  private final Embedder embedder;

  SearchBenchmark(Retriever retriever, Embedder embedder) {
    this.retriever = retriever;
    this.embedder = embedder;
  }

  /** Runs each query through the full retriever (query embedding included), hybrid mode, k = 10. */
  public Map<String, Object> library(OrganizationId org, List<String> queries, JobProgress progress) {
    double[] ms = new double[queries.size()];
    progress.chunksTotal(queries.size());
    for (String q : queries.subList(0, Math.min(20, queries.size()))) retriever.search(SearchRequest.of(org, q, 10)); // warm-up
    for (int i = 0; i < queries.size(); i++) {
      long t = System.nanoTime();
      retriever.search(SearchRequest.of(org, queries.get(i), 10));
      ms[i] = (System.nanoTime() - t) / 1e6;
      progress.chunksDone(1);
    }
    return percentiles(ms);
  }

  /** Builds a synthetic index of {@code chunks} chunks and times {@code queries} hybrid searches on it (index only; no query embedding). */
  public Map<String, Object> synthetic(int chunks, int queries, JobProgress progress) {
    Path dir;
    try {
      dir = Files.createTempDirectory("vividly-bench-index-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Random random = new Random(7);
    String[] vocabulary = new String[20_000];
    for (int i = 0; i < vocabulary.length; i++) vocabulary[i] = "w" + Integer.toString(i, 36);
    OrganizationId org = new OrganizationId(UUID.randomUUID());
    int dims = embedder.dimensions();
    progress.phase("building a synthetic index");
    progress.chunksTotal(chunks + queries);
    long buildStart = System.nanoTime();
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir, 60, 100)) {
      UUID source = UUID.randomUUID();
      for (int start = 0; start < chunks; start += 1000) {
        List<IndexedChunk> batch = new ArrayList<>(1000);
        for (int i = start; i < Math.min(chunks, start + 1000); i++) {
          batch.add(new IndexedChunk(org, "text", text(random, vocabulary, 120), new Citation(i + 1, source, "Synthetic", source, "s", List.of("Synthetic", "Section " + i / 50), null), unit(random, dims)));
        }
        index.add(batch);
        progress.chunksDone(batch.size());
      }
      index.commit();
      double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
      progress.phase("querying");
      double[] ms = new double[queries];
      for (int i = 0; i < queries + 50; i++) {
        SearchRequest request = new SearchRequest(org, text(random, vocabulary, 6), 10, SearchMode.HYBRID, Set.of(), Set.of(), Set.of());
        float[] vector = unit(random, dims);
        long t = System.nanoTime();
        index.search(request, vector);
        if (i >= 50) {
          ms[i - 50] = (System.nanoTime() - t) / 1e6;
          progress.chunksDone(1);
        }
      }
      Map<String, Object> out = percentiles(ms);
      out.put("chunks", chunks);
      out.put("buildSeconds", Math.round(buildSeconds * 10) / 10.0);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary folder; the OS cleans it eventually
      }
    }
  }

  /** Zipf-like word choice: word i drawn with probability about 1 / (i + 1). */
  private static String text(Random random, String[] vocabulary, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      int rank = (int) Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1;
      s.append(vocabulary[Math.max(0, rank)]).append(' ');
    }
    return s.toString();
  }

  private static float[] unit(Random random, int dims) {
    float[] v = new float[dims];
    double norm = 0;
    for (int i = 0; i < dims; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < dims; i++) v[i] /= (float) Math.sqrt(norm);
    return v;
  }

  public static Map<String, Object> percentiles(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", sorted.length);
    out.put("p50Ms", round(sorted[(int) (0.50 * (sorted.length - 1))]));
    out.put("p99Ms", round(sorted[(int) Math.ceil(0.99 * (sorted.length - 1))]));
    out.put("maxMs", round(sorted[sorted.length - 1]));
    out.put("meanMs", round(Arrays.stream(sorted).average().orElse(0)));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
