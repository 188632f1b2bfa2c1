package org.vividly.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vividly.evaluation.RetrievalEvaluation;
import org.vividly.jobs.JobView;
import org.vividly.tenancy.Caller;

@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "Evaluations", description = "Retrieval quality on BEIR datasets, through the library's own ingestion and retrieval")
class EvaluationsApi {

  private final RetrievalEvaluation evaluation;

  EvaluationsApi(RetrievalEvaluation evaluation) {
    this.evaluation = evaluation;
  }

  @PostMapping(path = "/retrieval", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Evaluate retrieval on a BEIR dataset",
      description = "Upload a ZIP of a BEIR folder (corpus.jsonl, queries.jsonl, qrels/<split>.tsv). The job's report gives nDCG@10, MRR@10, Recall@100 and query latency for BM25, vectors and hybrid.")
  ResponseEntity<JobView> retrieval(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "test") String split, Caller caller) throws IOException {
    try (InputStream in = file.getInputStream()) {
      JobView job = evaluation.submit(caller.organization(), in, file.getOriginalFilename(), split);
      return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    }
  }
}
