package org.vividly.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import tools.jackson.databind.JsonNode;

/** Follows a job until it ends, drawing a progress bar of chunks embedded and sections parsed. */
final class JobWatcher {

  private JobWatcher() {}

  static JsonNode follow(ApiClient api, JsonNode job, String task, PrintStream out) {
    String id = job.path("id").asString();
    ProgressBar bar = null;
    try {
      while (true) {
        job = api.get("/api/v1/jobs/{id}", id);
        int chunksTotal = job.path("chunksTotal").asInt();
        if (bar == null && (chunksTotal > 0 || job.path("sectionsTotal").asInt() > 0)) {
          bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, chunksTotal)).setUnit(" chunks", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out)).showSpeed().build();
        }
        if (bar != null) {
          if (chunksTotal > 0) bar.maxHint(chunksTotal);
          bar.stepTo(job.path("chunksDone").asInt());
          String phase = job.path("phase").asString("");
          bar.setExtraMessage(String.format("sections %d/%d%s", job.path("sectionsDone").asInt(), job.path("sectionsTotal").asInt(), phase.isEmpty() ? "" : " " + phase));
        }
        String status = job.path("status").asString();
        if (status.equals("succeeded") || status.equals("failed")) return job;
        Thread.sleep(Duration.ofMillis(300));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted; the job goes on on the server: /api/v1/jobs/" + id);
    } finally {
      if (bar != null) bar.close();
    }
  }
}
