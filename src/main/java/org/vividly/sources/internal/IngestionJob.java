package org.vividly.sources.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vividly.jobs.Job;
import org.vividly.jobs.JobFailed;
import org.vividly.jobs.JobHandler;
import org.vividly.jobs.JobProgress;
import org.vividly.sources.SkippedFile;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingests an upload kept under the data folder. Run again after a crash, it re-reads the same
 * upload: sources stored before the crash are unchanged and skipped, the rest are ingested.
 */
@Component
public class IngestionJob implements JobHandler {

  public static final String KIND = "ingestion";

  private final IngestionPipeline pipeline;
  private final JsonMapper json;

  private final SharedUploads uploads;

  IngestionJob(IngestionPipeline pipeline, JsonMapper json, SharedUploads uploads) {
    this.pipeline = pipeline;
    this.json = json;
    this.uploads = uploads;
  }

  /**
   * A job's data for an upload.
   *
   * @param dir the upload's folder; its {@code tree} holds the files
   * @param uploadedBy who sent it, or null
   */
  public static Map<String, String> data(Path dir, Caller uploadedBy, List<SkippedFile> skipped, JsonMapper json) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("dir", dir.toAbsolutePath().toString());
    data.put("skipped", json.writeValueAsString(skipped));
    if (uploadedBy != null) {
      data.put("uploaderId", uploadedBy.userId().toString());
      data.put("uploaderRole", uploadedBy.role().name());
      if (uploadedBy.email() != null) data.put("uploaderEmail", uploadedBy.email());
      if (uploadedBy.displayName() != null) data.put("uploaderName", uploadedBy.displayName());
    }
    return data;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job, JobProgress progress) {
    Path tree = uploads.open(job.data()).resolve("tree");
    if (!Files.isDirectory(tree)) throw new JobFailed("The upload is no longer on this server; send it again.");
    List<SkippedFile> skipped = json.readValue(job.require("skipped"), new TypeReference<List<SkippedFile>>() {});
    Caller uploader = null;
    if (job.data().containsKey("uploaderId")) {
      uploader = new Caller(UUID.fromString(job.require("uploaderId")), job.organization(), Role.valueOf(job.require("uploaderRole")), job.data().get("uploaderEmail"), job.data().get("uploaderName"), null);
    }
    progress.report(pipeline.ingest(job.organization(), uploader, tree, skipped, progress).asMap());
  }

  @Override
  public void finished(Job job, boolean succeeded) {
    uploads.release(job.data());
  }
}
