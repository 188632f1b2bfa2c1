package org.vividly.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import tools.jackson.databind.JsonNode;

/** Follows a job until it ends, drawing a progress bar of chunks embedded and sections parsed. */
final class JobWatcher {

  private JobWatcher() {}

  /** Follows the job's Server-Sent Events (one request, however long the job runs). */
  static JsonNode follow(ApiClient api, JsonNode job, String task, PrintStream out) {
    return follow(api, job, task, " chunks", out);
  }

  /**
   * As {@link #follow(ApiClient, JsonNode, String, PrintStream)}, for a job whose steps are not
   * chunks: {@code unit} names them (for example {@code " queries"}).
   */
  static JsonNode follow(ApiClient api, JsonNode job, String task, String unit, PrintStream out) {
    String id = job.path("id").asString();
    ProgressBar[] bar = {null};
    JsonNode[] last = {job};
    try {
      api.events("/api/v1/jobs/" + id + "/events", (event, update) -> {
        last[0] = update;
        int chunksTotal = update.path("chunksTotal").asInt();
        if (bar[0] == null && (chunksTotal > 0 || update.path("sectionsTotal").asInt() > 0)) {
          bar[0] = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, chunksTotal)).setUnit(unit, 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out)).showSpeed().build();
        }
        if (bar[0] != null) {
          if (chunksTotal > 0) bar[0].maxHint(chunksTotal);
          bar[0].stepTo(update.path("chunksDone").asInt());
          String phase = update.path("phase").asString("");
          int sections = update.path("sectionsTotal").asInt();
          String done = sections > 0 ? String.format(" · sections %d/%d", update.path("sectionsDone").asInt(), sections) : "";
          bar[0].setExtraMessage(done + (phase.isEmpty() ? "" : " · " + phase));
        }
        return !"done".equals(event);
      });
    } finally {
      if (bar[0] != null) bar[0].close();
    }
    String status = last[0].path("status").asString();
    // The stream ended early (a proxy cut it): ask once more.
    return status.equals("succeeded") || status.equals("failed") ? last[0] : api.get("/api/v1/jobs/{id}", id);
  }
}
