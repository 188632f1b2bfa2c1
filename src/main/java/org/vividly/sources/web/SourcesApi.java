package org.vividly.sources.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vividly.common.InvalidRequest;
import org.vividly.jobs.JobView;
import org.vividly.sources.Ingestion;
import org.vividly.sources.Passage;
import org.vividly.sources.SkippedFile;
import org.vividly.sources.SourceDetail;
import org.vividly.sources.SourceSummary;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sources", description = "The library: ingest documents, browse sources and passages")
class SourcesApi {

  private final org.vividly.tenancy.Organizations organizations;

  /** The libraries the caller reads: their organization's and the shared ones it enabled. */
  private java.util.Set<OrganizationId> libraries(Caller caller) {
    return organizations.searchable(caller.organization());
  }

  private final Sources sources;
  private final Ingestion ingestion;
    private final JsonMapper json;

  SourcesApi(Sources sources, Ingestion ingestion, JsonMapper json, org.vividly.tenancy.Organizations organizations) {
    this.organizations = organizations;
    this.sources = sources;
    this.ingestion = ingestion;
    this.json = json;
  }

  @GetMapping("/sources")
  @Operation(summary = "List the sources in the library, with section, chunk and token counts", description = "The organization's own sources, then those of the shared libraries it enabled.")
  List<SourceSummary> list(Caller caller) {
    return sources.list(libraries(caller));
  }

  @GetMapping("/sources/{id}")
  @Operation(summary = "A source with its table of contents")
  SourceDetail get(@PathVariable UUID id, Caller caller) {
    return sources.get(libraries(caller), id);
  }

  @DeleteMapping("/sources/{id}")
  @Operation(summary = "Delete a source, its sections, chunks and vectors, from the database and the search index", description = "Whoever added it, or an admin (403 otherwise); a book of the whole library (the demo's) only an admin.")
  ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
    sources.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/passages/{id}")
  @Operation(summary = "One passage (chunk): its text and where it sits in its source")
  Passage passage(@PathVariable long id, Caller caller) {
    return sources.passage(libraries(caller), id);
  }

  @PostMapping(path = "/ingestions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Ingest an upload",
      description =
          "Upload one document (PDF, EPUB, HTML, Markdown, text) or a ZIP archive of a folder, for example an OpenStax CNXML book. "
              + "Returns the ingestion job at once; follow its progress at /api/v1/jobs/{id}. `skipped` optionally lists files the client left out, as JSON [{file, reason}]. "
              + "An upload that unpacks to more than vividly.sources.max-upload-size, or to more than vividly.sources.max-compression-ratio times its size (a ZIP bomb), answers 413 Problem Details (type upload-too-large) and nothing of it is kept.")
  ResponseEntity<JobView> ingest(@RequestPart("file") MultipartFile file, @RequestPart(name = "skipped", required = false) String skipped, Caller caller) {
    if (file.isEmpty()) throw new InvalidRequest((file.getOriginalFilename() == null ? "The upload" : file.getOriginalFilename()) + " is empty");
    List<SkippedFile> clientSkipped = parseSkipped(skipped);
    try (InputStream in = file.getInputStream()) {
      JobView job = ingestion.ingest(caller.organization(), caller, in, file.getOriginalFilename(), clientSkipped);
      return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PostMapping("/index/rebuild")
  @Operation(summary = "Rebuild the search index from the chunks and vectors stored in the database")
  ResponseEntity<JobView> reindex(Caller caller) {
    JobView job = ingestion.reindex(caller.organization());
    return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
  }

  private List<SkippedFile> parseSkipped(String skipped) {
    if (skipped == null || skipped.isBlank()) return List.of();
    try {
      return json.readValue(skipped, new TypeReference<List<SkippedFile>>() {});
    } catch (JacksonException e) {
      throw new InvalidRequest("`skipped` must be a JSON array of {file, reason}: " + e.getOriginalMessage());
    }
  }
}
