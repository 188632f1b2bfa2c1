package org.vividly.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.LinkedMultiValueMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "retrieval", description = "Run a BEIR dataset (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv) through ingestion and retrieval; print nDCG@10, MRR@10, Recall@100 and latency for BM25, vectors and hybrid.")
class EvalRetrievalCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "A BEIR dataset folder, for example ../shared/data/beir/scifact")
  Path dir;

  @Option(names = "--split", defaultValue = "test", description = "Which qrels split (default: ${DEFAULT-VALUE})")
  String split;

  @Mixin ClientOptions client;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(dir.resolve("corpus.jsonl"))) throw new IllegalArgumentException(dir + " has no corpus.jsonl; is it a BEIR dataset folder?");
    ApiClient api = client.api();
    FolderArchive.Archive archive = FolderArchive.pack(dir, 1L << 30);
    String name = dir.toAbsolutePath().normalize().getFileName() + ".zip";
    try {
      LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("file", new FileSystemResource(archive.zip()) {
        @Override
        public String getFilename() {
          return name;
        }
      });
      JsonNode job = api.postMultipart("/api/v1/evaluations/retrieval?split=" + split, parts, JsonNode.class);
      job = JobWatcher.follow(api, job, "Ingesting corpus", System.out);
      if (job.path("status").asString().equals("failed")) {
        System.err.println("Evaluation failed: " + job.path("error").asString());
        return 1;
      }
      JsonNode r = job.path("report");
      System.out.printf("%n%s (%s split): %d queries, %d documents; ingest %.1f s (%d chunks embedded)%n%n", r.path("dataset").asString(), r.path("split").asString(), r.path("queries").asInt(), r.path("documents").asInt(), r.path("ingestSeconds").asDouble(), r.path("chunksEmbedded").asInt());
      System.out.printf("%-8s %9s %9s %11s %9s %9s%n", "mode", "nDCG@10", "MRR@10", "Recall@100", "p50 ms", "p99 ms");
      for (JsonNode m : r.path("modes")) {
        System.out.printf("%-8s %9.4f %9.4f %11.4f %9.2f %9.2f%n", m.path("mode").asString(), m.path("ndcgAt10").asDouble(), m.path("mrrAt10").asDouble(), m.path("recallAt100").asDouble(), m.path("p50Ms").asDouble(), m.path("p99Ms").asDouble());
      }
      return 0;
    } finally {
      Files.deleteIfExists(archive.zip());
    }
  }
}
