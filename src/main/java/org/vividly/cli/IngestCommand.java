package org.vividly.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "ingest", description = "Ingest a document or a folder (for example an OpenStax CNXML book) into the running server.")
class IngestCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PATH", description = "A file (PDF, EPUB, HTML, Markdown, text) or a folder")
  Path path;

  @Option(names = "--max-file-size-mb", defaultValue = "256", description = "Leave out files larger than this (default: ${DEFAULT-VALUE})")
  long maxFileSizeMb;

  @Mixin ClientOptions client;

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(path)) throw new IllegalArgumentException(path + " does not exist");
    ApiClient api = client.api();
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    Path upload = path;
    FolderArchive.Archive archive = null;
    if (Files.isDirectory(path)) {
      archive = FolderArchive.pack(path, maxFileSizeMb << 20);
      upload = archive.zip();
      System.out.printf("Uploading %s (%d files, %.1f MB)%n", path, archive.files(), archive.bytes() / 1048576.0);
      if (!archive.skipped().isEmpty()) parts.add("skipped", ApiClient.JSON.writeValueAsString(archive.skipped()));
      String name = path.toAbsolutePath().normalize().getFileName() + ".zip";
      parts.add("file", new FileSystemResource(upload) {
        @Override
        public String getFilename() {
          return name;
        }
      });
    } else {
      if (Files.size(path) > (maxFileSizeMb << 20)) throw new IllegalArgumentException(path + " is over the " + maxFileSizeMb + " MB limit");
      parts.add("file", new FileSystemResource(path));
    }
    try {
      JsonNode job = api.postMultipart("/api/v1/ingestions", parts, JsonNode.class);
      job = JobWatcher.follow(api, job, "Ingesting", System.out);
      return printSummary(job);
    } finally {
      if (archive != null) Files.deleteIfExists(archive.zip());
    }
  }

  static int printSummary(JsonNode job) {
    JsonNode report = job.path("report");
    if (job.path("status").asString().equals("failed")) {
      System.err.println("Ingestion failed: " + job.path("error").asString());
      return 1;
    }
    for (JsonNode source : report.path("sources")) {
      int changed = source.path("sectionsChanged").asInt();
      System.out.printf("  %s (%s): %d sections, %s%n", source.path("title").asString(), source.path("format").asString(), source.path("sections").asInt(),
          changed == 0 && source.path("sectionsRemoved").asInt() == 0 ? "unchanged, nothing re-embedded" : changed + " new or changed, " + source.path("chunksAdded").asInt() + " chunks embedded, " + source.path("sectionsRemoved").asInt() + " removed");
    }
    JsonNode skipped = report.path("skipped");
    if (!skipped.isEmpty()) {
      System.out.println("Skipped " + skipped.size() + " file(s):");
      for (JsonNode s : skipped) System.out.println("  " + s.path("file").asString() + ": " + s.path("reason").asString());
    }
    System.out.printf("Done: %d sections, %d chunks in %.1f s (%.1f sections/s, %.1f chunks/s; embedding %.1f s)%n",
        report.path("sections").asInt(), report.path("chunks").asInt(), report.path("seconds").asDouble(), report.path("sectionsPerSecond").asDouble(), report.path("chunksPerSecond").asDouble(), report.path("embedSeconds").asDouble());
    return 0;
  }
}
