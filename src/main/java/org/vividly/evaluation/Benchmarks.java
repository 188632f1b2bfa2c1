package org.vividly.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import org.vividly.jobs.Job;
import org.vividly.jobs.JobFailed;
import org.vividly.jobs.JobProgress;
import org.vividly.jobs.JobView;
import org.vividly.jobs.Jobs;
import org.vividly.lessons.LessonRequest;
import org.vividly.lessons.Lessons;
import org.vividly.retrieval.Embedder;
import org.vividly.retrieval.SearchBenchmark;
import org.vividly.sources.SectionSummary;
import org.vividly.sources.SourceSummary;
import org.vividly.sources.Sources;
import org.vividly.tenancy.OrganizationId;

/** Benchmarks that run inside the server as jobs and report numbers. */
@Service
public class Benchmarks {

  private final Jobs jobs;
  private final Sources sources;
  private final Embedder embedder;
  private final SearchBenchmark search;
  private final Lessons lessons;
  private final SpeechBenchmark speech;

  Benchmarks(Jobs jobs, Sources sources, Embedder embedder, SearchBenchmark search, Lessons lessons, SpeechBenchmark speech) {
    this.speech = speech;
    this.jobs = jobs;
    this.sources = sources;
    this.embedder = embedder;
    this.search = search;
    this.lessons = lessons;
  }

  static final String KIND = "benchmark";

  /** The embedding model alone on a source's chunks, batched as ingestion batches them. */
  public JobView embedding(OrganizationId org, UUID sourceId, int batch) {
    // Checked from the library's summary; the job reads the chunks themselves.
    if (sources.list(org).stream().noneMatch(x -> x.id().equals(sourceId) && x.chunks() > 0)) throw new JobFailed("The source has no chunks in this organization");
    return jobs.submit(org, KIND, "embedding model alone", Map.of("benchmark", "embedding", "sourceId", sourceId.toString(), "batch", Integer.toString(batch)));
  }

  /** Search latency over real queries drawn from the library, and over a synthetic index. */
  public JobView search(OrganizationId org, int queries, int syntheticChunks) {
    requireLibrary(org);
    return jobs.submit(org, KIND, "search latency", Map.of("benchmark", "search", "queries", Integer.toString(queries), "syntheticChunks", Integer.toString(syntheticChunks)));
  }

  /** Lesson latency with the configured composer, over questions made from the library's section titles. */
  public JobView lessons(OrganizationId org, int n) {
    requireLibrary(org);
    return jobs.submit(org, KIND, "lesson latency", Map.of("benchmark", "lessons", "n", Integer.toString(n)));
  }

  /** Text-to-speech real-time factor for English and Spanish and English word error rate, as a job. */
  public JobView speech(OrganizationId org) {
    return jobs.submit(org, KIND, "text-to-speech", Map.of("benchmark", "speech"));
  }

  private void requireLibrary(OrganizationId org) {
    if (sources.list(org).stream().noneMatch(x -> x.chunks() > 0)) throw new JobFailed("The library is empty");
  }

  /** Runs a benchmark job; run again after a crash, it measures again from the start. */
  void run(Job job, JobProgress progress) {
    OrganizationId org = job.organization();
    switch (job.require("benchmark")) {
      case "embedding" -> embedding(UUID.fromString(job.require("sourceId")), Integer.parseInt(job.require("batch")), org, progress);
      case "search" -> {
        int queries = Integer.parseInt(job.require("queries"));
        int syntheticChunks = Integer.parseInt(job.require("syntheticChunks"));
        List<String> sample = queriesFromLibrary(org, queries);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("library", search.library(org, sample, progress));
        if (syntheticChunks > 0) report.put("synthetic", search.synthetic(syntheticChunks, queries, progress));
        progress.report(report);
      }
      case "lessons" -> lessons(org, Integer.parseInt(job.require("n")), progress);
      case "speech" -> speech(progress);
      default -> throw new JobFailed("Unknown benchmark " + job.require("benchmark"));
    }
  }

  private void embedding(UUID sourceId, int batch, OrganizationId org, JobProgress progress) {
    List<String> texts = sources.embeddingTexts(org, sourceId);
    progress.chunksTotal(texts.size());
    long start = System.nanoTime();
    for (int i = 0; i < texts.size(); i += batch) {
      List<String> part = texts.subList(i, Math.min(texts.size(), i + batch));
      embedder.embedPassages(part);
      progress.chunksDone(part.size());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    progress.report(Map.of("model", embedder.modelId(), "chunks", texts.size(), "seconds", round(seconds), "chunksPerSecond", round(texts.size() / seconds)));
  }

  private void lessons(OrganizationId org, int n, JobProgress progress) {
    List<String> questions = new ArrayList<>();
    for (String title : sectionTitles(org)) questions.add("What is " + title.toLowerCase(java.util.Locale.ROOT) + "?");
    if (questions.isEmpty()) throw new JobFailed("The library is empty");
    progress.chunksTotal(n);
    for (int i = 0; i < 5; i++) lessons.ask(org, new LessonRequest(questions.get(i % questions.size()), 9, List.of("soccer"), null)); // warm-up
    double[] ms = new double[n];
    int inLibrary = 0;
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      if (lessons.ask(org, new LessonRequest(questions.get((i * 7) % questions.size()), 9, List.of("soccer"), null)).inLibrary()) inLibrary++;
      ms[i] = (System.nanoTime() - t) / 1e6;
      progress.chunksDone(1);
    }
    Map<String, Object> report = SearchBenchmark.percentiles(ms);
    report.put("composer", lessons.composerName());
    report.put("inLibrary", inLibrary);
    progress.report(report);
  }

  private void speech(JobProgress progress) {
    java.nio.file.Path dir = null;
    try {
      dir = java.nio.file.Files.createTempDirectory("vividly-speech-bench-");
      progress.report(speech.run(dir));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Could not run the speech benchmark: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      if (dir != null) FileSystemUtils.deleteRecursively(dir.toFile());
    }
  }

  /** Heap after a full garbage collection, in MiB. */
  public Map<String, Object> heap() {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("usedMiB", heap.getUsed() >> 20);
    out.put("committedMiB", heap.getCommitted() >> 20);
    out.put("maxMiB", heap.getMax() >> 20);
    return out;
  }

  private List<String> queriesFromLibrary(OrganizationId org, int n) {
    List<String> out = new ArrayList<>();
    for (SourceSummary s : sources.list(org)) {
      for (String text : sources.embeddingTexts(org, s.id())) {
        String body = text.contains("\n") ? text.substring(text.indexOf('\n') + 1) : text;
        String[] words = body.split("\\s+");
        out.add(String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(12, words.length))));
      }
    }
    if (out.isEmpty()) throw new JobFailed("The library is empty");
    java.util.Collections.shuffle(out, new java.util.Random(11));
    List<String> sample = new ArrayList<>(n);
    for (int i = 0; i < n; i++) sample.add(out.get(i % out.size()));
    return sample;
  }

  private List<String> sectionTitles(OrganizationId org) {
    List<String> titles = new ArrayList<>();
    for (SourceSummary s : sources.list(org)) for (SectionSummary x : sources.get(org, s.id()).sections()) titles.add(x.title());
    return titles;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
