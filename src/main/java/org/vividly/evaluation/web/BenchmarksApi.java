package org.vividly.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.evaluation.Benchmarks;
import org.vividly.jobs.JobView;
import org.vividly.tenancy.Caller;

@RestController
@RequestMapping("/api/v1/benchmarks")
@Tag(name = "Benchmarks", description = "Performance measurements that run inside the server")
class BenchmarksApi {

  private final Benchmarks benchmarks;

  private final org.vividly.identity.AuthorizationBenchmark authorization;

  BenchmarksApi(Benchmarks benchmarks, org.vividly.identity.AuthorizationBenchmark authorization) {
    this.authorization = authorization;
    this.benchmarks = benchmarks;
  }

  @PostMapping("/embedding")
  @Operation(summary = "Time the embedding model alone on a source's chunks")
  ResponseEntity<JobView> embedding(@RequestParam UUID source, @RequestParam(defaultValue = "64") int batch, Caller caller) {
    return ResponseEntity.accepted().body(benchmarks.embedding(caller.organization(), source, Math.clamp(batch, 1, 1024)));
  }

  @PostMapping("/search")
  @Operation(summary = "Search latency p50/p99 on the library and on a synthetic index")
  ResponseEntity<JobView> search(@RequestParam(defaultValue = "1000") int queries, @RequestParam(defaultValue = "0") int synthetic, Caller caller) {
    return ResponseEntity.accepted().body(benchmarks.search(caller.organization(), Math.clamp(queries, 1, 100_000), Math.clamp(synthetic, 0, 2_000_000)));
  }

  @PostMapping("/lessons")
  @Operation(summary = "Lesson latency p50/p99 with the configured composer")
  ResponseEntity<JobView> lessons(@RequestParam(defaultValue = "100") int n, Caller caller) {
    return ResponseEntity.accepted().body(benchmarks.lessons(caller.organization(), Math.clamp(n, 1, 10_000)));
  }

  @PostMapping("/speech")
  @Operation(summary = "Text-to-speech real-time factor (English, Spanish) and English word error rate through pocketsphinx")
  ResponseEntity<JobView> speech(Caller caller) {
    return ResponseEntity.accepted().body(benchmarks.speech(caller.organization()));
  }

  @PostMapping("/authorization")
  @Operation(summary = "What authorizing one API request costs: JWT verification, the open-session check and a teacher's visibility, median microseconds")
  org.vividly.identity.AuthorizationBenchmark.Result authorization(@RequestParam(defaultValue = "2000") int iterations, Caller caller) {
    return authorization.measure(caller, Math.clamp(iterations, 10, 100_000));
  }

  @GetMapping("/heap")
  @Operation(summary = "Heap in use after a full garbage collection")
  Map<String, Object> heap() {
    return benchmarks.heap();
  }
}
