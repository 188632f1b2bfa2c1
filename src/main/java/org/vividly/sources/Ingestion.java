package org.vividly.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipException;
import org.springframework.stereotype.Service;
import org.vividly.common.InvalidRequest;
import org.vividly.common.TextInput;
import org.vividly.jobs.JobView;
import org.vividly.jobs.Jobs;
import org.vividly.sources.internal.IngestionPipeline;
import org.vividly.sources.internal.IngestionJob;
import org.vividly.sources.internal.SharedUploads;
import org.vividly.sources.internal.ReindexJob;
import org.vividly.sources.internal.SourcesProperties;
import org.vividly.sources.internal.UploadLimits;
import org.vividly.sources.internal.Uploads;
import org.vividly.storage.StorageProperties;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts ingestion and reindexing jobs. An upload stays on disk under the data folder until its job
 * has ended, so a job whose server died runs again from it.
 */
@Service
public class Ingestion {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Ingestion.class);

  private final Jobs jobs;
  private final IngestionPipeline pipeline;
  private final JsonMapper json;
  private final StorageProperties storage;
  private final SourcesProperties properties;
  private final SharedUploads uploads;

  Ingestion(Jobs jobs, IngestionPipeline pipeline, StorageProperties storage, SourcesProperties properties, JsonMapper json, SharedUploads uploads) {
    this.jobs = jobs;
    this.uploads = uploads;
    this.pipeline = pipeline;
    this.json = json;
    this.storage = storage;
    this.properties = properties;
  }

  /**
   * Stores an upload (a ZIP archive of a folder, or one document) and queues its ingestion.
   *
   * @param uploadedBy who sent it: they (or an admin) may delete or replace the sources it makes;
   *     null for an upload no person sent (the demo library), which only admins delete
   * @param fileName the uploaded file's name; {@code .zip} means an archive of a folder
   * @param clientSkipped files the client left out of the upload, with reasons, for the report
   * @throws InvalidRequest when the upload is empty or not a readable archive
   * @throws UploadTooLarge when it unpacks past {@code vividly.sources.max-upload-size} or
   *     {@code max-compression-ratio}; nothing of it is kept
   */
  public JobView ingest(OrganizationId org, Caller uploadedBy, InputStream upload, String fileName, List<SkippedFile> clientSkipped) {
    String name = Path.of(fileName == null || fileName.isBlank() ? "upload" : TextInput.check("The file name", fileName)).getFileName().toString();
    Path dir = newUploadDir();
    Path tree = dir.resolve("tree");
    List<SkippedFile> skipped = new ArrayList<>(clientSkipped);
    UploadLimits limits = properties.uploadLimits();
    store(dir, name, () -> {
      Files.createDirectories(tree);
      if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        skipped.addAll(Uploads.extract(upload, tree, limits));
      } else {
        long size = Uploads.copy(upload, tree.resolve(name), limits);
        if (size > limits.maxFileBytes()) throw new InvalidRequest(name + ": " + Uploads.tooLarge(size, limits.maxFileBytes()));
        if (size == 0) throw new InvalidRequest(name + ": the file is empty");
      }
    });
    try {
      Map<String, String> data = IngestionJob.data(dir, uploadedBy, skipped, json);
      data.putAll(uploads.share(dir));
      return jobs.submit(org, IngestionJob.KIND, name, data);
    } catch (RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  /**
   * Ingests a folder on the server's disk within a job that is already running (for example an
   * evaluation that ingests its corpus first), reporting to that job's progress.
   */
  public Map<String, Object> ingestFolder(OrganizationId org, Path folder, org.vividly.jobs.JobProgress progress) {
    return pipeline.ingest(org, null, folder, List.of(), progress).asMap();
  }

  /**
   * Ingests one lecture transcript within a job that is already running: one source whose chunks
   * are windows of cues with their time spans. Re-ingesting the same {@code externalKey} replaces
   * the transcript; an unchanged one is not re-embedded. The source and its chunks are written in
   * one transaction, or not at all.
   *
   * @return the stored source's id
   */
  public UUID ingestTranscript(OrganizationId org, UUID addedBy, TranscriptDocument transcript, org.vividly.jobs.JobProgress progress) {
    return pipeline.ingestTranscript(org, addedBy, transcript, progress).sourceId();
  }

  /**
   * Unpacks a ZIP upload into a new folder under the data directory, with the same zip-slip and
   * size checks as ingestion. The caller deletes the folder when done.
   *
   * @throws InvalidRequest when the upload is not a readable ZIP archive
   * @throws UploadTooLarge when it unpacks past the limits; nothing of it is kept
   */
  public Path unpack(InputStream zip, String fileName) {
    Path dir = newUploadDir();
    store(dir, fileName, () -> Uploads.extract(zip, dir, properties.uploadLimits()));
    return dir;
  }

  private Path newUploadDir() {
    return storage.dataDir().resolve("uploads").resolve(UUID.randomUUID().toString());
  }

  private interface Storing {
    void run() throws IOException;
  }

  /** Runs {@code storing}; when it fails in any way, {@code dir} and all it wrote are deleted. */
  private static void store(Path dir, String fileName, Storing storing) {
    try {
      storing.run();
    } catch (ZipException e) {
      delete(dir);
      throw new InvalidRequest(fileName + " is not a readable ZIP archive: " + e.getMessage());
    } catch (IOException e) {
      delete(dir);
      throw new UncheckedIOException("Cannot store the upload", e);
    } catch (UploadTooLarge e) {
      delete(dir);
      log.warn("Refused the upload {}: {}", fileName, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  /**
   * Job data naming a folder made by {@link #unpack}, readable by whichever server runs the job:
   * with a shared media store the folder is staged there (see {@link SharedUploads}).
   */
  public Map<String, String> share(Path dir) {
    return uploads.share(dir);
  }

  /** The folder a job's data names ({@link #share}), on this server. */
  public Path open(Map<String, String> jobData) {
    return uploads.open(jobData);
  }

  /** Deletes a shared folder's copies once its job is finished. */
  public void release(Map<String, String> jobData) {
    uploads.release(jobData);
  }

  /** Deletes a folder made by {@link #unpack}. */
  public static void delete(Path dir) {
    try {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rebuilds the whole search index from the chunks and vectors stored in the database. */
  public JobView reindex(OrganizationId org) {
    return jobs.submit(org, ReindexJob.KIND, "search index", Map.of());
  }

}
