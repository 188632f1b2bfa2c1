package org.vividly.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.LinkedMultiValueMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "videos", description = "Lecture videos: add recordings or transcripts, list them.", subcommands = {VideosCommand.Add.class, VideosCommand.ListVideos.class})
class VideosCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "add", description = "Add recordings (MP4, WebM, MP3, WAV, FLAC) or transcripts (WebVTT, SRT), one video each, and follow them until they are in the library.")
  static class Add implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Parameters(arity = "0..*", description = "Recordings or subtitle files; a subtitle file alone becomes a video of its own") List<Path> files = List.of();

    @Option(names = "--subtitles", description = "Subtitles for the (single) recording given") Path subtitles;

    @Option(names = "--url", description = "An address to fetch with yt-dlp instead of files") String url;

    @Option(names = "--title") String title;

    @Option(names = "--tags", description = "Comma-separated tags") String tags;

    @Option(names = "--language", defaultValue = "en") String language;

    @Option(names = "--collection", description = "Collection id to file them in") String collection;

    @Override
    public Integer call() {
      ApiClient api = client.api();
      if (url != null) {
        JsonNode video = api.post("/api/v1/videos/by-address", java.util.Map.of("url", url, "language", language, "tags", tags == null ? List.of() : List.of(tags.split(","))), JsonNode.class);
        return follow(api, List.of(video));
      }
      if (files.isEmpty()) throw new IllegalArgumentException("Give recordings or subtitle files, or --url.");
      if (subtitles != null && files.size() != 1) throw new IllegalArgumentException("--subtitles goes with exactly one recording.");
      java.util.List<JsonNode> added = new java.util.ArrayList<>();
      for (Path file : files) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + " is not a file.");
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        boolean transcript = file.toString().toLowerCase().matches(".*\\.(vtt|srt)$");
        parts.add(transcript ? "subtitles" : "media", new FileSystemResource(file));
        if (subtitles != null) parts.add("subtitles", new FileSystemResource(subtitles));
        if (title != null) parts.add("title", title);
        if (tags != null) parts.add("tags", tags);
        parts.add("language", language);
        if (collection != null) parts.add("collectionId", collection);
        added.add(api.postMultipart("/api/v1/videos", parts, JsonNode.class));
        System.out.printf("Added %s%n", file.getFileName());
      }
      return follow(api, added);
    }

    static int follow(ApiClient api, List<JsonNode> videos) {
      int failed = 0;
      for (JsonNode v : videos) {
        String id = v.path("id").asString();
        JsonNode now = v;
        while (!now.path("status").asString().matches("ready|failed")) {
          System.out.printf("\r%-50.50s %-12s %3d%%", now.path("title").asString(), now.path("status").asString(), Math.round(now.path("progress").asDouble() * 100));
          System.out.flush();
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
          }
          now = api.get("/api/v1/videos/{id}", id);
        }
        System.out.printf("\r%-50.50s %-12s %s%n", now.path("title").asString(), now.path("status").asString(), now.path("error").isNull() ? "" : now.path("error").asString());
        if (now.path("status").asString().equals("failed")) failed++;
      }
      return failed == 0 ? 0 : 1;
    }
  }

  @Command(name = "list", description = "The organization's videos.")
  static class ListVideos implements Callable<Integer> {
    @Mixin ClientOptions client;

    @Override
    public Integer call() {
      for (JsonNode v : client.api().get("/api/v1/videos")) {
        System.out.printf("%s  %-8s %8s  %s%n", v.path("id").asString(), v.path("status").asString(), v.path("durationSeconds").isNull() ? "" : org.vividly.retrieval.Citation.clock(v.path("durationSeconds").asDouble()), v.path("title").asString());
      }
      return 0;
    }
  }
}
