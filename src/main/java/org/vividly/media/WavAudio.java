package org.vividly.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** WAV (RIFF, linear PCM) durations and joining, with the JDK's own sound API. */
public final class WavAudio {

  private WavAudio() {}

  /**
   * Duration in seconds. Streaming servers sometimes leave the length fields unset; then the length
   * comes from the data size.
   *
   * @throws MediaFailed not retriable when the file is not a PCM WAV
   */
  public static double seconds(Path wav) {
    try {
      AudioFileFormat f = AudioSystem.getAudioFileFormat(wav.toFile());
      AudioFormat format = f.getFormat();
      long frames = f.getFrameLength();
      if (frames <= 0 || frames == AudioSystem.NOT_SPECIFIED) frames = (java.nio.file.Files.size(wav) - 44) / format.getFrameSize();
      return frames / (double) format.getFrameRate();
    } catch (UnsupportedAudioFileException | IOException e) {
      throw new MediaFailed("The speech engine returned audio that is not a PCM WAV file: " + wav.getFileName(), true, e);
    }
  }

  /**
   * Joins segments into one WAV, adding silence after each. All segments must share one format.
   *
   * @param pausesAfter seconds of silence after each segment, same length as {@code segments}
   * @return the offset in seconds at which each segment starts in the joined file
   */
  public static List<Double> join(List<Path> segments, List<Double> pausesAfter, Path out) {
    if (segments.isEmpty()) throw new MediaFailed("There is no narration to join.", false);
    List<AudioInputStream> streams = new ArrayList<>();
    try {
      AudioFormat format = null;
      List<InputStream> parts = new ArrayList<>();
      List<Double> starts = new ArrayList<>();
      long frames = 0;
      for (int i = 0; i < segments.size(); i++) {
        AudioInputStream in = AudioSystem.getAudioInputStream(segments.get(i).toFile());
        streams.add(in);
        if (format == null) format = in.getFormat();
        else if (!format.matches(in.getFormat())) throw new MediaFailed("Narration segments differ in format: " + format + " and " + in.getFormat(), true);
        starts.add(frames / (double) format.getFrameRate());
        long segmentFrames = in.getFrameLength() > 0 ? in.getFrameLength() : in.available() / format.getFrameSize();
        long silence = Math.round(pausesAfter.get(i) * format.getFrameRate());
        parts.add(in);
        parts.add(new ByteArrayInputStream(new byte[(int) silence * format.getFrameSize()]));
        frames += segmentFrames + silence;
      }
      try (AudioInputStream joined = new AudioInputStream(new SequenceInputStream(Collections.enumeration(parts)), format, frames)) {
        AudioSystem.write(joined, AudioFileFormat.Type.WAVE, out.toFile());
      }
      return starts;
    } catch (UnsupportedAudioFileException e) {
      throw new MediaFailed("A narration segment is not a PCM WAV file.", true, e);
    } catch (IOException e) {
      throw MediaFailed.of("Could not join the narration", e);
    } finally {
      for (AudioInputStream s : streams) {
        try {
          s.close();
        } catch (IOException ignored) {
          // already read to the end or failed; nothing to release
        }
      }
    }
  }

}
