package org.vividly.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "retrieval", description = "Run a BEIR dataset (corpus.jsonl, queries.jsonl, qrels/test.tsv) through ingestion and retrieval; print nDCG@10, MRR@10, Recall@100.")
class EvalRetrievalCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR") Path dir;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet");
  }
}
