package org.vividly.media.internal;

import org.vividly.media.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vividly.media.MediaFailed;
import org.vividly.media.VideoEncoder;

/**
 * ffmpeg from Debian. Slides enter through the concat demuxer with per-image durations. Since they
 * are still images, the output runs at a low frame rate ({@code vividly.media.video.fps}, 5 by
 * default) with a keyframe at every slide change and at least every 5 s for seeking; x264 uses
 * {@code -tune stillimage}, VP9 the realtime deadline with row multithreading. Converting to
 * yuv420p before the fps filter (that order) was measured faster here.
 */
final class FfmpegVideoEncoder implements VideoEncoder {

  private final MediaProperties.Video settings;

  FfmpegVideoEncoder(MediaProperties.Video settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "ffmpeg";
  }

  @Override
  public Encoded encodeAudio(Path wav, Path m4a) {
    var r = Processes.run(List.of(settings.ffmpeg(), "-nostdin", "-v", "error", "-benchmark", "-y", "-i", wav.toString(), "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", m4a.toString()), null, settings.timeout(), m4a.getParent());
    return new Encoded(m4a, r.cpuSeconds(), r.peakRssKb(), r.wallSeconds());
  }

  @Override
  public Encoded encode(VideoJob job, Format format, Path out) {
    Path dir = out.getParent();
    Path list = dir.resolve("slides-" + format.extension + ".txt");
    List<String> keyframes = new ArrayList<>();
    StringBuilder concat = new StringBuilder("ffconcat version 1.0\n");
    double t = 0;
    for (VideoEncoder.Shot shot : job.shots()) {
      concat.append("file '").append(shot.png().toString().replace("'", "'\\''")).append("'\n");
      concat.append(String.format(Locale.ROOT, "duration %.3f%n", shot.seconds()));
      keyframes.add(String.format(Locale.ROOT, "%.3f", t));
      t += shot.seconds();
    }
    // The concat demuxer applies the last duration only when the last file is listed again.
    concat.append("file '").append(job.shots().getLast().png().toString().replace("'", "'\\''")).append("'\n");
    try {
      Files.writeString(list, concat);
    } catch (IOException e) {
      throw MediaFailed.of("Could not write the slide list", e);
    }
    int fps = settings.fps();
    int height = job.width() * 9 / 16;
    List<String> cmd = new ArrayList<>(List.of(settings.ffmpeg(), "-nostdin", "-v", "error", "-benchmark", "-y",
        "-f", "concat", "-safe", "0", "-i", list.toString(), "-i", job.narrationWav().toString(), "-i", job.captionsVtt().toString(),
        "-map", "0:v", "-map", "1:a", "-map", "2:s",
        "-vf", "format=yuv420p,fps=" + fps + ",scale=" + job.width() + ":" + height,
        "-g", Integer.toString(fps * 5), "-force_key_frames", keyframes.stream().collect(Collectors.joining(","))));
    if (format == Format.MP4) {
      cmd.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "23", "-c:a", "aac", "-b:a", "96k", "-c:s", "mov_text", "-movflags", "+faststart"));
    } else {
      cmd.addAll(List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-crf", "36", "-b:v", "0", "-c:a", "libopus", "-b:a", "64k", "-c:s", "webvtt"));
    }
    cmd.addAll(List.of("-metadata:s:s:0", "language=" + iso6392(job.language()), out.toString()));
    var r = Processes.run(cmd, null, settings.timeout(), dir);
    return new Encoded(out, r.cpuSeconds(), r.peakRssKb(), r.wallSeconds());
  }

  /** ISO 639-2 codes, which MP4 and WebM subtitle tracks use. */
  static String iso6392(String language) {
    return switch (language) {
      case "en" -> "eng";
      case "es" -> "spa";
      case "fr" -> "fra";
      case "de" -> "deu";
      case "it" -> "ita";
      case "pt" -> "por";
      default -> "und";
    };
  }
}
