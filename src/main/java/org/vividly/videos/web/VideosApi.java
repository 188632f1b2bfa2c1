package org.vividly.videos.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.common.ServerSentEvents;
import org.vividly.ratelimit.OwnRateLimit;
import org.vividly.tenancy.Caller;
import org.vividly.videos.Video;
import org.vividly.videos.VideoStatus;
import org.vividly.videos.Videos;

@RestController
@RequestMapping("/api/v1/videos")
@Tag(name = "Videos", description = "Lecture recordings and transcripts: upload, follow their transcription, stream them")
class VideosApi {

  private final Videos videos;

  VideosApi(Videos videos) {
    this.videos = videos;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Add a recording, with or without subtitles, or subtitles alone",
      description = "Parts: `media` (MP4, WebM, MOV, MKV, MP3, WAV, FLAC, M4A, OGG) and/or `subtitles` (WebVTT or SRT); fields `title`, `language` (ISO 639-1, default en), `tags` (comma-separated), `collectionId`. "
          + "The recording is checked with ffprobe and the subtitles parsed before anything is stored: a corrupt file, a recording without audio and without subtitles, or malformed or overlapping cues answer 400. "
          + "Answers 202 with the video; follow its `status` (queued, transcribing, indexing, ready, failed) at `/api/v1/videos/{id}` or `/events`. Teachers and admins only.")
  ResponseEntity<Video> upload(
      @RequestPart(name = "media", required = false) MultipartFile media,
      @RequestPart(name = "subtitles", required = false) MultipartFile subtitles,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String tags,
      @RequestParam(required = false) UUID collectionId,
      Caller caller) {
    try {
      Videos.Upload m = media == null || media.isEmpty() && media.getOriginalFilename() == null ? null : new Videos.Upload(media.getInputStream(), media.getOriginalFilename());
      Videos.Upload s = subtitles == null || subtitles.isEmpty() && subtitles.getOriginalFilename() == null ? null : new Videos.Upload(subtitles.getInputStream(), subtitles.getOriginalFilename());
      Video video = videos.add(caller, new Videos.Details(title, language, splitTags(tags), collectionId), m, s);
      return ResponseEntity.accepted().location(URI.create("/api/v1/videos/" + video.id())).body(video);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @param url an address yt-dlp can fetch */
  record ByAddress(String url, String title, String language, List<String> tags, UUID collectionId) {}

  @PostMapping(path = "/by-address", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Add a recording by its web address, fetched with yt-dlp",
      description = "Only http(s) addresses without a user name whose host resolves to public addresses: loopback, private, link-local, unique-local, multicast, reserved and cloud metadata addresses answer 400 Problem Details (type address-not-allowed), "
          + "unless listed in vividly.videos.allowed-hosts; redirects are checked the same way before yt-dlp fetches. Needs yt-dlp on the server; without it the answer is 501 Problem Details (type yt-dlp-missing). The site's subtitles are used when it has them, else speech-to-text.")
  ResponseEntity<Video> byAddress(@RequestBody ByAddress body, Caller caller) {
    if (body == null) throw new InvalidRequest("Send {\"url\": \"https://...\"}.");
    Video video = videos.addFromUrl(caller, new Videos.Details(body.title(), body.language(), body.tags(), body.collectionId()), body.url());
    return ResponseEntity.accepted().location(URI.create("/api/v1/videos/" + video.id())).body(video);
  }

  @GetMapping
  @Operation(summary = "The organization's videos, newest first", description = "`tag` keeps only videos with that tag.")
  List<Video> list(@RequestParam(required = false) String tag, Caller caller) {
    return videos.list(caller.organization(), tag);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A video, with its status and progress")
  Video get(@PathVariable UUID id, Caller caller) {
    return videos.get(caller.organization(), id);
  }

  /** A video's place in the pipeline, as the organization's video stream sends it. */
  record VideoProgress(UUID id, VideoStatus status, double progress) {}

  @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Follow the organization's videos as Server-Sent Events",
      description = "A `progress` event with every video's `{id, status, progress}` whenever one of them changes, then one `done` event once none is queued, transcribing or indexing.")
  SseEmitter events(Caller caller) {
    var org = caller.organization();
    return ServerSentEvents.follow("videos:" + org.value(),
        () -> videos.list(org, null).stream().map(v -> new VideoProgress(v.id(), v.status(), v.progress())).toList(),
        all -> all.stream().allMatch(v -> v.status().finished()));
  }

  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Follow a video's transcription as Server-Sent Events", description = "A `progress` event whenever it changes, then one `done` event when it is ready or failed.")
  SseEmitter events(@PathVariable UUID id, Caller caller) {
    var org = caller.organization();
    videos.get(org, id);
    return ServerSentEvents.follow("video:" + id, () -> videos.get(org, id), v -> v.status().finished());
  }

  @GetMapping("/{id}/media")
  @OwnRateLimit("media files: a player fetches one in many range requests, and seeking makes more")
  @Operation(summary = "The recording, for a player", description = "Supports HTTP range requests (206 Partial Content), so the player can seek to a cited moment.")
  ResponseEntity<Resource> media(@PathVariable UUID id, Caller caller) {
    var org = caller.organization();
    Video video = videos.get(org, id);
    Resource file = videos.media(org, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(video.mediaType()))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .body(file);
  }

  @GetMapping(path = "/{id}/captions.vtt", produces = "text/vtt")
  @OwnRateLimit("media files: a player fetches one in many range requests, and seeking makes more")
  @Operation(summary = "The transcript as WebVTT captions", description = "From the uploaded subtitles, or from speech-to-text.")
  ResponseEntity<Resource> captions(@PathVariable UUID id, Caller caller) {
    Resource vtt = videos.captions(caller.organization(), id).orElseThrow(() -> new NotFound("Captions of video", id));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/vtt;charset=UTF-8")).body(vtt);
  }

  record Tags(List<String> tags) {}

  @PutMapping("/{id}/tags")
  @Operation(summary = "Replace a video's tags", description = "Whoever added it, or an admin.")
  Video tags(@PathVariable UUID id, @RequestBody Tags body, Caller caller) {
    return videos.setTags(caller, id, body == null ? List.of() : body.tags());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a finished video: its transcript's passages, its files and its record", description = "Whoever added it, or an admin; 409 while it is still being worked on.")
  ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
    videos.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping
  @Operation(summary = "Delete every finished video with the given statuses", description = "`status=ready`, `status=failed` or both (`status=ready,failed`). Only the caller's own videos, or all for admins. Answers the number deleted.")
  Map<String, Integer> deleteAll(@RequestParam List<String> status, Caller caller) {
    Set<VideoStatus> statuses = EnumSet.noneOf(VideoStatus.class);
    for (String s : status) {
      for (String part : s.split(",")) {
        if (part.isBlank()) continue;
        try {
          statuses.add(VideoStatus.of(part.strip()));
        } catch (IllegalArgumentException e) {
          throw new InvalidRequest("'" + part.strip() + "' is not a video status: ready or failed.");
        }
      }
    }
    return Map.of("deleted", videos.deleteAll(caller, statuses));
  }

  static List<String> splitTags(String tags) {
    return tags == null ? List.of() : List.of(tags.split(","));
  }
}
