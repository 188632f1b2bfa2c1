package org.vividly.requests.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vividly.media.MediaFailed;
import org.vividly.media.MediaStore;
import org.vividly.requests.Modality;
import org.vividly.requests.Stage;
import org.vividly.storage.StorageProperties;
import org.vividly.tenancy.OrganizationId;

/** The steps {@link org.vividly.requests.ContentRequests} takes on a request, kept out of its API. */
@Component
public class RequestLifecycle {

  private final RequestStore store;
  private final RequestOutcomes outcomes;
  private final RenderJobs jobs;
  private final Pricing pricing;
  private final MediaStore media;
  private final Path workRoot;

  RequestLifecycle(RequestStore store, RequestOutcomes outcomes, RenderJobs jobs, Pricing pricing, MediaStore media, StorageProperties storage) {
    this.store = store;
    this.outcomes = outcomes;
    this.jobs = jobs;
    this.pricing = pricing;
    this.media = media;
    this.workRoot = storage.dataDir().resolve("work");
  }

  /** Records a stage that already ran, with its measured use. */
  public void record(UUID id, Stage stage, Instant start, long durationMs, double cpuSeconds, int llmTokens, long bytesOut) {
    StageUsage u = new StageUsage(cpuSeconds, 0, 0, llmTokens, 0, bytesOut);
    store.recordStage(id, stage, start, durationMs, u, pricing.cost(u));
  }

  public void outcome(UUID id, Modality modality, String outcome) {
    store.setOutcome(id, modality, outcome);
  }

  public void unavailable(UUID id, Modality modality, String reason) {
    outcomes.unavailable(id, modality, reason);
  }

  public void submit(UUID id) {
    jobs.submit(id);
  }

  public void finish(UUID id) {
    outcomes.finish(id);
  }

  public void fail(UUID id, String reason) {
    outcomes.fail(id, reason);
  }

  /** Writes bytes to a file in the request's work folder, for {@link #store}. */
  public Path tempFile(UUID id, String name, byte[] content) {
    try {
      Path dir = Files.createDirectories(workRoot.resolve(id.toString()));
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw MediaFailed.of("Could not write " + name, e);
    }
  }

  /** Moves a file into the media store as one of the request's formats; returns its size. */
  public long store(OrganizationId org, UUID id, String name, Path file, String contentType) {
    long size = media.put(org, id, name, file, contentType).sizeBytes();
    store.addFormat(id, name);
    return size;
  }

  public void delete(OrganizationId org, UUID id) {
    jobs.cancel(id);
    media.deleteAll(org, id);
    store.delete(org, id);
    RenderPipeline.deleteQuietly(workRoot.resolve(id.toString()));
  }
}
