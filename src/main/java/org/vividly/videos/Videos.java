package org.vividly.videos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.vividly.common.ClientMessages;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.common.TextInput;
import org.vividly.common.VividlyException;
import org.vividly.jobs.JobProgress;
import org.vividly.jobs.JobView;
import org.vividly.jobs.Jobs;
import org.vividly.media.Captions;
import org.vividly.media.MediaFailed;
import org.vividly.media.MediaInfo;
import org.vividly.media.MediaInspector;
import org.vividly.media.MediaStore;
import org.vividly.media.RecognizedSpeech;
import org.vividly.media.SpeechRecognizer;
import org.vividly.media.StoredMedia;
import org.vividly.sources.Cue;
import org.vividly.sources.Ingestion;
import org.vividly.sources.Sources;
import org.vividly.sources.Subtitles;
import org.vividly.sources.TranscriptDocument;
import org.vividly.storage.StorageProperties;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.vividly.videos.internal.AddressRule;
import org.vividly.videos.internal.VideoStore;
import org.vividly.videos.internal.VideosProperties;
import org.vividly.videos.internal.YtDlp;

/**
 * Adds lecture recordings and transcripts to the library.
 *
 * <p>What can be checked at once is checked before anything is stored, and refused with a clear
 * message: a file ffprobe cannot read, a recording with no audio and no subtitles, subtitles with
 * malformed or overlapping cues or running past the end of the recording, a language the
 * speech-to-text engine does not know, an address Vividly may not fetch from (see
 * {@link AddressRule}), an address when yt-dlp is not installed. The slow part
 * (fetching, speech-to-text, embedding) runs as a job; if it fails, the video is marked failed with
 * the reason, its files are deleted, and nothing of it reaches the library.
 */
@Service
public class Videos {

  private static final Logger log = LoggerFactory.getLogger(Videos.class);
  /** Accepted recordings, by extension. */
  static final java.util.Map<String, String> MEDIA_TYPES = java.util.Map.of(
      "mp4", "video/mp4", "m4v", "video/mp4", "webm", "video/webm", "mov", "video/quicktime", "mkv", "video/x-matroska",
      "mp3", "audio/mpeg", "wav", "audio/wav", "flac", "audio/flac", "m4a", "audio/mp4", "ogg", "audio/ogg");
  /** Subtitles may end this long after the recording before they are refused. */
  private static final double SUBTITLE_SLACK_SECONDS = 5;

  /** The subtitles as they were sent, kept beside the recording. */
  private static final String SUBTITLES_FILE = "subtitles.txt";
  private static final String CAPTIONS_FILE = "captions.vtt";

  private final VideoStore store;
  private final Jobs jobs;
  private final org.springframework.transaction.support.TransactionTemplate transactions;
  private final MediaInspector inspector;
  private final SpeechRecognizer recognizer;
  private final Ingestion ingestion;
  private final Sources sources;
  private final VideoCollections collections;
  private final YtDlp ytDlp;
  private final AddressRule addresses;
  private final StorageProperties storage;
  private final VideosProperties properties;
  private final ApplicationEventPublisher events;

  private final MediaStore files;

  Videos(VideoStore store, Jobs jobs, MediaInspector inspector, SpeechRecognizer recognizer, Ingestion ingestion, Sources sources, VideoCollections collections, YtDlp ytDlp, AddressRule addresses, StorageProperties storage, VideosProperties properties, ApplicationEventPublisher events, org.springframework.transaction.support.TransactionTemplate transactions, MediaStore files) {
    this.transactions = transactions;
    this.files = files;
    this.store = store;
    this.jobs = jobs;
    this.inspector = inspector;
    this.recognizer = recognizer;
    this.ingestion = ingestion;
    this.sources = sources;
    this.collections = collections;
    this.ytDlp = ytDlp;
    this.addresses = addresses;
    this.storage = storage;
    this.properties = properties;
    this.events = events;
  }

  /**
   * What the person adding a video says about it.
   *
   * @param title the video's title; null to take it from the file's title tag or name
   * @param language ISO 639-1 language of the speech, {@code en} when null
   * @param collectionId the collection to file it in, or null for the person's default collection
   */
  public record Details(String title, String language, List<String> tags, UUID collectionId) {
    public Details {
      title = title == null || title.isBlank() ? null : title.strip();
      if (title != null && (title.length() > 200 || title.chars().anyMatch(Character::isISOControl))) throw new InvalidRequest("The title must be 1-200 characters without control characters.");
      language = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
      if (!language.matches("[a-z]{2}")) throw new InvalidRequest("The language must be an ISO 639-1 code such as en or es, not '" + language + "'.");
      tags = org.vividly.tenancy.Names.tags(tags);
    }
  }

  /** An uploaded file: its content and the name the client gave it. */
  public record Upload(InputStream content, String fileName) {}

  /**
   * Adds a recording with or without subtitles, or subtitles alone, and queues its transcription
   * and indexing.
   *
   * @param media the recording (MP4, WebM, MOV, MKV, MP3, WAV, FLAC, M4A, OGG), or null
   * @param subtitles a WebVTT or SRT file, or null; used instead of speech-to-text
   * @throws InvalidRequest for bad input of any kind; nothing is stored then
   */
  public Video add(Caller caller, Details details, Upload media, Upload subtitles) {
    if (media == null && subtitles == null) throw new InvalidRequest("Send a recording (MP4, WebM, MP3, WAV, FLAC), a subtitle file (WebVTT, SRT), or both.");
    if (details.collectionId() != null) collections.requireEditor(caller, details.collectionId());
    UUID id = UUID.randomUUID();
    Path dir = dir(caller.organization(), id);
    try {
      Files.createDirectories(dir);
      String mediaFile = null;
      String mediaType = null;
      MediaInfo info = null;
      if (media != null) {
        String name = fileName(media.fileName(), "recording");
        String ext = extension(name);
        mediaType = MEDIA_TYPES.get(ext);
        if (mediaType == null) throw new InvalidRequest(name + ": not a recording Vividly takes; send MP4, WebM, MOV, MKV, MP3, WAV, FLAC, M4A or OGG.");
        Path file = dir.resolve("media." + ext);
        if (copy(media.content(), file) == 0) throw new InvalidRequest(name + ": the file is empty.");
        info = probe(name, file);
        if (info.durationSeconds() > properties.maxDuration().toSeconds()) throw new InvalidRequest(name + ": the recording is " + Math.round(info.durationSeconds() / 60) + " minutes long, over the " + properties.maxDuration().toMinutes() + "-minute limit.");
        if (!info.hasAudio() && subtitles == null) throw new InvalidRequest(name + ": the recording has no audio track, so there is nothing to transcribe. Upload it with its subtitles, or upload a recording with sound.");
        if (!info.hasVideo() && mediaType.startsWith("video/")) mediaType = "audio/mp4";
        mediaFile = root().relativize(file).toString();
      }
      List<Cue> cues = null;
      String subtitleFormat = null;
      if (subtitles != null) {
        String name = fileName(subtitles.fileName(), "subtitles");
        if (!Subtitles.isSubtitleFile(name)) throw new InvalidRequest(name + ": subtitles must be WebVTT (.vtt) or SubRip (.srt).");
        String subtitleText = new String(subtitles.content().readAllBytes(), StandardCharsets.UTF_8);
        cues = Subtitles.parse(subtitleText, name);
        subtitleFormat = name.toLowerCase(Locale.ROOT).endsWith(".srt") ? "srt" : "webvtt";
        // Kept as sent until the video is indexed: a job whose server died parses it again.
        Files.writeString(dir.resolve(SUBTITLES_FILE), subtitleText);
        double lastEnd = cues.getLast().endSeconds();
        if (info != null && info.durationSeconds() > 0 && lastEnd > info.durationSeconds() + SUBTITLE_SLACK_SECONDS) {
          throw new InvalidRequest(name + ": the last cue ends at " + clock(lastEnd) + ", past the end of the recording (" + clock(info.durationSeconds()) + "). Are these subtitles for another video?");
        }
        writeCaptions(dir, cues);
      } else if (!recognizer.supports(details.language())) {
        throw new InvalidRequest("Speech-to-text (" + recognizer.name() + ") does not recognize '" + details.language() + "'. Upload subtitles with the recording, or configure a transcription server that does.");
      }
      String origin = media != null ? fileName(media.fileName(), "recording") : fileName(subtitles.fileName(), "subtitles");
      String title = details.title() != null ? details.title() : info != null && info.title() != null ? info.title() : Subtitles.titleOf(origin);
      Double duration = info != null ? info.durationSeconds() : cues.getLast().endSeconds();
      store.insert(caller.organization(), new VideoStore.NewVideo(id, caller.userId(), details.collectionId(), title, origin, mediaFile, mediaType, info != null && info.hasVideo(), duration, cues != null ? "subtitles" : "speech-to-text", details.language(), details.tags()));
      // Before the job is queued: whichever server runs it reads them from the shared store.
      share(caller.organization(), id, mediaType);
      Map<String, String> data = new java.util.LinkedHashMap<>();
      data.put("videoId", id.toString());
      if (subtitleFormat != null) data.put("subtitles", subtitleFormat);
      submit(caller, id, title, data);
      return get(caller.organization(), id);
    } catch (IOException e) {
      delete(dir);
      throw new UncheckedIOException("Cannot store the upload", e);
    } catch (MediaFailed e) {
      delete(dir);
      if (e.retriable() || e.getMessage().contains("not installed")) throw e;
      throw new InvalidRequest(e.getMessage());
    } catch (RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  /**
   * Adds a recording by address, fetched with yt-dlp (with the site's subtitles when it has them).
   *
   * @throws AddressNotAllowed when Vividly may not fetch from the address (checked first, so also
   *     where yt-dlp is missing): not http(s), with a user name, or a host that resolves to a
   *     loopback, private, link-local or metadata address; its redirects are checked in the job
   * @throws YtDlpMissing when yt-dlp is not installed on the server
   * @throws InvalidRequest when the address is not a web address or its host has no address
   */
  public Video addFromUrl(Caller caller, Details details, String url) {
    URI uri = addresses.check(url);
    if (!ytDlp.installed()) throw new YtDlpMissing(ytDlp.program());
    if (details.collectionId() != null) collections.requireEditor(caller, details.collectionId());
    UUID id = UUID.randomUUID();
    String title = details.title() != null ? details.title() : uri.getHost() + uri.getPath();
    store.insert(caller.organization(), new VideoStore.NewVideo(id, caller.userId(), details.collectionId(), title, uri.toString(), null, null, false, null, "speech-to-text", details.language(), details.tags()));
    Map<String, String> data = new java.util.LinkedHashMap<>();
    data.put("videoId", id.toString());
    data.put("url", uri.toString());
    if (details.title() != null) data.put("title", details.title());
    submit(caller, id, title, data);
    return get(caller.organization(), id);
  }

  /** yt-dlp is not installed: adding by address is not available on this server. */
  public static class YtDlpMissing extends VividlyException {
    YtDlpMissing(String program) {
      super(HttpStatus.NOT_IMPLEMENTED, "yt-dlp-missing", "Adding videos by address needs yt-dlp, which is not installed on this server (looked for '" + program + "'; set vividly.videos.yt-dlp). Download the video and upload the file instead.");
    }
  }

  public Video get(OrganizationId org, UUID id) {
    return store.find(org, id).orElseThrow(() -> new VideoNotFound(id));
  }

  /** The video whose transcript became this source, if any. */
  public Optional<Video> findBySource(OrganizationId org, UUID sourceId) {
    return store.findBySource(org, sourceId);
  }

  /**
   * @param tag only videos with this tag, or null
   */
  public List<Video> list(OrganizationId org, String tag) {
    return store.list(org, tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT), 500);
  }

  /**
   * The recording, for streaming to a player (with range requests): from the shared media store
   * when it is there, else from this server's disk.
   */
  public Resource media(OrganizationId org, UUID id) {
    Video video = get(org, id);
    String file = store.mediaFile(org, id).orElseThrow(() -> new NotFound("Recording of video", id));
    if (video.status() == VideoStatus.FAILED) throw new NotFound("Recording of video", id);
    return file(org, id, Path.of(file).getFileName().toString()).orElseThrow(() -> new NotFound("Recording of video", id));
  }

  /** The transcript as WebVTT captions, for the player's {@code <track>}. */
  public Optional<Resource> captions(OrganizationId org, UUID id) {
    get(org, id);
    return file(org, id, CAPTIONS_FILE);
  }

  private Optional<Resource> file(OrganizationId org, UUID id, String name) {
    Optional<StoredMedia> stored = files.find(org, id, name);
    if (stored.isPresent()) return Optional.of(files.resource(stored.get()));
    Path local = dir(org, id).resolve(name);
    return Files.isRegularFile(local) ? Optional.of(new FileSystemResource(local)) : Optional.empty();
  }

  /**
   * With a shared media store, moves a video's files (its recording, captions and kept subtitles)
   * from this server's folder into it, under the video's id, so every server plays, captions and
   * transcribes the video; the folder goes with whatever else a download left in it.
   */
  private void share(OrganizationId org, UUID id, String mediaType) {
    if (!files.shared()) return;
    Path dir = dir(org, id);
    if (!Files.isDirectory(dir)) return;
    Set<String> names = new java.util.HashSet<>(Set.of(CAPTIONS_FILE, SUBTITLES_FILE));
    store.mediaFile(org, id).ifPresent(f -> names.add(Path.of(f).getFileName().toString()));
    try (var list = Files.list(dir)) {
      for (Path file : list.filter(f -> Files.isRegularFile(f) && names.contains(f.getFileName().toString())).toList()) {
        String name = file.getFileName().toString();
        String type = name.equals(CAPTIONS_FILE) ? "text/vtt;charset=UTF-8" : name.equals(SUBTITLES_FILE) ? "text/plain;charset=UTF-8" : mediaType != null ? mediaType : "application/octet-stream";
        files.put(org, id, name, file, type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot share the video's files", e);
    }
    delete(dir);
  }

  /** A video's file in this server's folder: there already, or copied from the shared media store. */
  private Path local(OrganizationId org, UUID id, String name) {
    Path local = dir(org, id).resolve(name);
    if (Files.isRegularFile(local)) return local;
    StoredMedia stored = files.find(org, id, name).orElseThrow(() -> new org.vividly.jobs.JobFailed("The video's " + name + " is neither on this server nor in the media store."));
    try (InputStream in = files.resource(stored).getInputStream()) {
      Files.createDirectories(local.getParent());
      Files.copy(in, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return local;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the video's " + name + " from the media store", e);
    }
  }

  public Video setTags(Caller caller, UUID id, List<String> tags) {
    mayChange(caller, get(caller.organization(), id));
    store.tags(caller.organization(), id, org.vividly.tenancy.Names.tags(tags));
    return get(caller.organization(), id);
  }

  /**
   * Deletes a video: its transcript's source (chunks, vectors, index entries), its files and its
   * record. Only whoever added it, or an admin, may; one still being worked on cannot be.
   */
  public void delete(Caller caller, UUID id) {
    Video video = get(caller.organization(), id);
    mayChange(caller, video);
    if (!video.status().finished()) throw new org.vividly.common.AlreadyExists("Video " + id + " is still " + video.status().code() + "; delete it when it has finished.");
    if (video.sourceId() != null) {
      try {
        sources.delete(caller.organization(), video.sourceId());
      } catch (NotFound e) {
        log.info("The source of video {} was already deleted", id);
      }
    }
    store.delete(caller.organization(), id);
    files.deleteAll(caller.organization(), id);
    delete(dir(caller.organization(), id));
  }

  /**
   * Deletes every finished video with one of these statuses that the caller may delete.
   *
   * @param statuses {@code READY}, {@code FAILED} or both
   * @return how many were deleted
   */
  public int deleteAll(Caller caller, Set<VideoStatus> statuses) {
    if (statuses.isEmpty() || statuses.stream().anyMatch(s -> !s.finished())) throw new InvalidRequest("Only finished videos can be deleted in bulk: status ready, failed or both.");
    int n = 0;
    for (Video v : store.withStatus(caller.organization(), statuses)) {
      if (!caller.role().isAdmin() && !caller.userId().equals(v.ownerId())) continue;
      delete(caller, v.id());
      n++;
    }
    return n;
  }

  private void mayChange(Caller caller, Video video) {
    if (!caller.role().isAdmin() && !caller.userId().equals(video.ownerId())) throw new Forbidden("Only whoever added \"" + video.title() + "\", or an admin, may change or delete it.");
  }

  private void submit(Caller caller, UUID id, String title, Map<String, String> data) {
    OrganizationId org = caller.organization();
    JobView job = jobs.submit(org, VideoJob.KIND, title, data);
    store.job(org, id, job.id());
  }

  /**
   * Runs a video's job: fetching (by address), speech-to-text when there are no subtitles, then
   * indexing. Run again after a crash, it starts over from what is on disk; a failure marks the
   * video failed and deletes its files.
   */
  void runJob(org.vividly.jobs.Job job, JobProgress progress) {
    OrganizationId org = job.organization();
    UUID id = UUID.fromString(job.require("videoId"));
    Video video = store.find(org, id).orElse(null);
    if (video == null) throw new org.vividly.jobs.JobFailed("The video was deleted before it was indexed.");
    try {
      if (job.data().containsKey("url")) {
        fetchAndIndex(org, id, job.require("url"), new Details(job.data().get("title"), video.language(), List.of(), null), progress);
      } else {
        List<Cue> cues = null;
        String format = job.data().get("subtitles");
        if (format != null) cues = Subtitles.parse(keptSubtitles(org, id), video.origin());
        index(org, id, cues, format, progress);
      }
    } catch (RuntimeException e) {
      store.failed(org, id, ClientMessages.of(e, "Video " + id));
      files.deleteAll(org, id);
      delete(dir(org, id));
      throw e;
    }
  }

  private String keptSubtitles(OrganizationId org, UUID id) {
    try {
      return Files.readString(local(org, id, SUBTITLES_FILE));
    } catch (IOException e) {
      throw new org.vividly.jobs.JobFailed("The subtitles kept for this video could not be read: " + e.getMessage());
    }
  }

  private void fetchAndIndex(OrganizationId org, UUID id, String url, Details details, JobProgress progress) {
    store.status(org, id, VideoStatus.TRANSCRIBING, 0);
    progress.phase("downloading");
    Path dir = dir(org, id);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    YtDlp.Download download = ytDlp.fetch(url, details.language(), dir);
    MediaInfo info = probe(url, download.media());
    String ext = extension(download.media().getFileName().toString());
    String type = info.hasVideo() ? MEDIA_TYPES.getOrDefault(ext, "video/mp4") : MEDIA_TYPES.getOrDefault(ext, "audio/mp4");
    List<Cue> cues = null;
    if (download.subtitles().isPresent()) {
      try {
        cues = Subtitles.parse(Files.readString(download.subtitles().get()), "the site's subtitles");
        writeCaptions(dir, cues);
      } catch (InvalidRequest | IOException e) {
        log.info("Ignoring unusable subtitles for {}: {}", url, e.getMessage());
      }
    }
    if (!info.hasAudio() && cues == null) throw new MediaFailed("The recording at " + url + " has no audio track and no subtitles.", false);
    String title = details.title() != null ? details.title() : download.title();
    store.fetched(org, id, title, root().relativize(download.media()).toString(), type, info.hasVideo(), info.durationSeconds(), cues != null ? "subtitles" : "speech-to-text");
    index(org, id, cues, cues != null ? "webvtt" : null, progress);
  }

  /** Speech-to-text when there are no subtitles, then chunking, embedding and indexing. */
  private void index(OrganizationId org, UUID id, List<Cue> cues, String format, JobProgress progress) {
    Video video = get(org, id);
    if (cues == null) {
      store.status(org, id, VideoStatus.TRANSCRIBING, 0);
      progress.phase("transcribing");
      String mediaFile = store.mediaFile(org, id).orElseThrow(() -> new NotFound("Recording of video", id));
      Path media = local(org, id, Path.of(mediaFile).getFileName().toString());
      RecognizedSpeech speech = recognizer.transcribe(media, video.language(), fraction -> store.status(org, id, VideoStatus.TRANSCRIBING, fraction));
      cues = new ArrayList<>();
      for (RecognizedSpeech.Segment s : speech.segments()) cues.add(new Cue(cues.size() + 1, s.startSeconds(), s.endSeconds(), null, s.text()));
      if (cues.isEmpty()) throw new MediaFailed("No speech was recognized in the recording.", false);
      writeCaptions(dir(org, id), cues);
      format = "speech-to-text";
      log.info("Transcribed {} ({} s) with {} at {}x real time", video.title(), Math.round(speech.durationSeconds()), speech.engine(), Math.round(speech.realTimeFactor() * 100) / 100.0);
    }
    store.status(org, id, VideoStatus.INDEXING, 0);
    progress.phase("indexing");
    UUID sourceId = ingestion.ingestTranscript(org, video.ownerId(), new TranscriptDocument("video:" + id, video.title(), format, video.origin(), cues), progress);
    double end = cues.getLast().endSeconds();
    // Ready and announced together: the event publication registry stores the event with the
    // status, and the collections module files the video when it hears it.
    transactions.executeWithoutResult(status -> {
      store.ready(org, id, sourceId, end);
      events.publishEvent(new VideoIndexed(org, id, sourceId, video.ownerId(), video.collectionId(), video.title()));
    });
    // The captions this job wrote and a recording it fetched, for every server; its work copies go.
    share(org, id, video.mediaType());
    progress.report(java.util.Map.of("videoId", id, "sourceId", sourceId, "cues", cues.size(), "seconds", Math.round(end)));
  }

  private MediaInfo probe(String name, Path file) {
    try {
      return inspector.probe(file);
    } catch (MediaFailed e) {
      if (e.getMessage().contains("not installed")) throw e;
      throw new MediaFailed(name + ": " + e.getMessage(), false);
    }
  }

  private static void writeCaptions(Path dir, List<Cue> cues) {
    List<Captions.Cue> captions = cues.stream().filter(c -> c.endSeconds() > c.startSeconds()).map(c -> new Captions.Cue(c.startSeconds(), c.endSeconds(), c.text())).toList();
    try {
      Files.writeString(dir.resolve(CAPTIONS_FILE), new Captions(captions).webVtt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path dir(OrganizationId org, UUID id) {
    return root().resolve("videos").resolve(org.value().toString()).resolve(id.toString());
  }

  private Path root() {
    return storage.dataDir();
  }

  private static long copy(InputStream in, Path file) throws IOException {
    try (in) {
      return Files.copy(in, file);
    }
  }

  private static String fileName(String name, String fallback) {
    if (name == null || name.isBlank()) return fallback;
    return Path.of(TextInput.check("The file name", name).replace('\\', '/')).getFileName().toString();
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String clock(double seconds) {
    return org.vividly.retrieval.Citation.clock(seconds);
  }

  private static void delete(Path dir) {
    try {
      Ingestion.delete(dir);
    } catch (UncheckedIOException e) {
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }

}
