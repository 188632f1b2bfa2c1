package org.vividly.media;

import java.nio.file.Path;
import java.util.List;

/**
 * Port to the video engine that turns still slides and a narration track into files a browser
 * plays. The embedded adapter runs Debian's ffmpeg.
 *
 * <p>Every path is absolute (the data folder is, see {@code StorageProperties}): the engine runs in
 * another working folder, and the slide list resolves relative names against its own folder.
 */
public interface VideoEncoder {

  /** Engine name and version, for example {@code ffmpeg 5.1.8}. */
  String name();

  /**
   * Encodes the narration alone as AAC in an MP4 container ({@code .m4a}, faststart).
   *
   * @throws MediaFailed see {@link #encode}
   */
  Encoded encodeAudio(Path narrationWav, Path m4a);

  /**
   * Encodes a slide show: each slide held for its duration, the narration under it and the
   * captions as a subtitle track (mov_text in MP4, WebVTT in WebM).
   *
   * @throws MediaFailed not retriable when ffmpeg is missing, the input is bad or the disk is full;
   *     retriable when ffmpeg crashed or timed out
   */
  Encoded encode(VideoJob job, Format format, Path out);

  enum Format {
    /** H.264 + AAC, faststart: plays everywhere. */
    MP4("mp4", "video/mp4"),
    /** VP9 + Opus: for browsers without H.264. */
    WEBM("webm", "video/webm");

    public final String extension;
    public final String contentType;

    Format(String extension, String contentType) {
      this.extension = extension;
      this.contentType = contentType;
    }
  }

  /**
   * @param seconds how long the slide stays on screen
   */
  record Shot(Path png, double seconds) {}

  /**
   * @param width 1280 or 1920; the height is 9/16 of it
   * @param language ISO 639-1 language of the captions
   */
  record VideoJob(List<Shot> shots, Path narrationWav, Path captionsVtt, int width, String language) {
    public VideoJob {
      if (shots.isEmpty()) throw new IllegalArgumentException("A video needs at least one slide.");
      shots = List.copyOf(shots);
    }
  }

  /**
   * What one encode cost.
   *
   * @param cpuSeconds user + system CPU seconds of the encoder
   * @param peakRssKb its peak resident memory in KiB
   * @param wallSeconds elapsed time
   */
  record Encoded(Path file, double cpuSeconds, long peakRssKb, double wallSeconds) {}
}
