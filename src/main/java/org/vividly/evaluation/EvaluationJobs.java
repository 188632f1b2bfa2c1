package org.vividly.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vividly.jobs.Job;
import org.vividly.jobs.JobHandler;
import org.vividly.jobs.JobProgress;
import org.vividly.sources.Ingestion;

/** The job handlers of evaluations and benchmarks. */
@Configuration(proxyBeanMethods = false)
class EvaluationJobs {

  @Bean
  JobHandler retrievalEvaluationJob(RetrievalEvaluation evaluation, Ingestion ingestion) {
    return new JobHandler() {
      @Override
      public String kind() {
        return RetrievalEvaluation.KIND;
      }

      @Override
      public void run(Job job, JobProgress progress) {
        evaluation.run(job, progress);
      }

      @Override
      public void finished(Job job, boolean succeeded) {
        ingestion.release(job.data());
      }
    };
  }

  @Bean
  JobHandler benchmarkJob(Benchmarks benchmarks) {
    return new JobHandler() {
      @Override
      public String kind() {
        return Benchmarks.KIND;
      }

      @Override
      public void run(Job job, JobProgress progress) {
        benchmarks.run(job, progress);
      }
    };
  }
}
