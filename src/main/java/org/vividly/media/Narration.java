package org.vividly.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Service;

/**
 * Turns a narration script (slides, and the sentences spoken while each shows) into media: the
 * spoken narration with its captions, the slide images, and the narrated slide video. It composes
 * the engine ports ({@link SpeechSynthesizer}, {@link SlideRenderer}, {@link VideoEncoder}) and
 * knows nothing of lessons or requests; the caller decides what to narrate, keeps the files it
 * wants and records the work. Each step writes into a folder the caller owns, under fixed names,
 * so a step run again replaces its files instead of adding to them.
 */
@Service
public class Narration {

  /** Silence after each sentence, in seconds. */
  public static final double SENTENCE_PAUSE = 0.25;
  /** Silence after the last sentence of a slide, before the next slide, in seconds. */
  public static final double SLIDE_PAUSE = 0.6;

  private final SpeechSynthesizer speech;
  private final SlideRenderer slides;
  private final VideoEncoder video;

  public Narration(SpeechSynthesizer speech, SlideRenderer slides, VideoEncoder video) {
    this.speech = speech;
    this.slides = slides;
    this.video = video;
  }

  /**
   * A slide and the sentences spoken while it shows.
   *
   * @param sentences as written; citation markers such as {@code [2]} are left out of captions and
   *     speech
   */
  public record Part(Slide slide, List<String> sentences) {
    public Part {
      sentences = List.copyOf(sentences);
    }
  }

  /**
   * The spoken narration.
   *
   * @param slideSeconds how long each part's slide shows, its sentences and pauses included
   * @param totalSeconds the length of {@code wav}
   * @param wav the narration, 16-bit PCM
   * @param webVtt captions (W3C WebVTT), one cue per line of at most 42 characters
   * @param srt the same captions as SubRip
   * @param m4a the narration as AAC in MP4, for playback
   * @param peakRssKb the audio encoder's peak memory
   */
  public record Audio(List<Double> slideSeconds, double totalSeconds, Path wav, Path webVtt, Path srt, Path m4a, long peakRssKb) {}

  /**
   * Speaks every sentence, joins them with pauses ({@link #SENTENCE_PAUSE}, {@link #SLIDE_PAUSE})
   * and writes the captions timed to the speech: {@code narration.wav}, {@code captions.vtt},
   * {@code captions.srt} and {@code narration.m4a} in {@code dir}.
   *
   * @param voice the voice's language decides how numbers and symbols are spoken ({@link SpokenText})
   * @throws MediaFailed not retriable for a sentence that cannot be spoken; as the engines throw it otherwise
   */
  public Audio speak(List<Part> parts, SpeechSynthesizer.Voice voice, Path dir) {
    List<String> sentences = parts.stream().flatMap(p -> p.sentences().stream()).toList();
    if (sentences.isEmpty()) throw new MediaFailed("There is nothing to narrate.", false);
    List<String> spoken = sentences.stream().map(s -> SpokenText.of(s, voice.language())).toList();
    for (int i = 0; i < spoken.size(); i++) {
      if (!SpokenText.speakable(spoken.get(i))) throw new MediaFailed("This sentence cannot be spoken: \"" + sentences.get(i) + "\"", false);
    }
    Path speechDir = dir.resolve("speech");
    recreate(speechDir);
    List<SpeechSynthesizer.SpokenSegment> segments = speech.synthesize(spoken, voice, speechDir);
    List<Double> pauses = new ArrayList<>();
    List<Double> slideSeconds = new ArrayList<>();
    int k = 0;
    for (Part part : parts) {
      double seconds = 0;
      for (int i = 0; i < part.sentences().size(); i++, k++) {
        double pause = i == part.sentences().size() - 1 ? SLIDE_PAUSE : SENTENCE_PAUSE;
        pauses.add(pause);
        seconds += segments.get(k).seconds() + pause;
      }
      slideSeconds.add(seconds);
    }
    Path wav = dir.resolve("narration.wav");
    List<Double> starts = WavAudio.join(segments.stream().map(SpeechSynthesizer.SpokenSegment::wav).toList(), pauses, wav);
    List<Captions.Cue> cues = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      cues.addAll(Captions.forSentence(captionText(sentences.get(i)), starts.get(i), starts.get(i) + segments.get(i).seconds()));
    }
    Captions captions = new Captions(cues);
    Path vtt = write(dir.resolve("captions.vtt"), captions.webVtt());
    Path srt = write(dir.resolve("captions.srt"), captions.srt());
    VideoEncoder.Encoded m4a = video.encodeAudio(wav, dir.resolve("narration.m4a"));
    deleteQuietly(speechDir);
    return new Audio(List.copyOf(slideSeconds), WavAudio.seconds(wav), wav, vtt, srt, m4a.file(), m4a.peakRssKb());
  }

  /**
   * The slide images: {@code slides/slide-000.png} and on, one per part, and a 640-pixel-wide
   * {@code thumbnail.png} of the first.
   *
   * @param width pixels; the height is 16:9 of it
   * @return the slide images in order and the thumbnail
   */
  public Slides slides(List<Part> parts, int width, Path dir) {
    Path slideDir = dir.resolve("slides");
    recreate(slideDir);
    List<Path> images = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Path png = slide(slideDir, i);
      slides.render(parts.get(i).slide(), width, png);
      images.add(png);
    }
    Path thumbnail = dir.resolve("thumbnail.png");
    try {
      ImageIO.write(slides.draw(parts.getFirst().slide(), 640), "png", thumbnail.toFile());
    } catch (IOException e) {
      throw MediaFailed.of("Could not write the thumbnail", e);
    }
    return new Slides(List.copyOf(images), thumbnail);
  }

  /** Slide images in order, and a thumbnail of the first. */
  public record Slides(List<Path> images, Path thumbnail) {}

  /**
   * The slide images {@link #slides} wrote earlier into {@code dir}, or empty when any is missing
   * (so the caller renders them again).
   */
  public java.util.Optional<List<Path>> existingSlides(int count, Path dir) {
    List<Path> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path png = slide(dir.resolve("slides"), i);
      if (!Files.isRegularFile(png)) return java.util.Optional.empty();
      images.add(png);
    }
    return java.util.Optional.of(images);
  }

  /**
   * The narrated slide video: each slide shown for its part's time over the narration, with the
   * captions as a soft subtitle track.
   *
   * @param width pixels (1280 or 1920)
   * @param language BCP 47 tag of the narration, written as the audio and subtitle language
   */
  public VideoEncoder.Encoded video(List<Path> slideImages, Audio audio, int width, String language, VideoEncoder.Format format, Path out) {
    return video(slideImages, audio.slideSeconds(), audio.wav(), audio.webVtt(), width, language, format, out);
  }

  /** {@link #video(List, Audio, int, String, VideoEncoder.Format, Path)} from narration files kept from an earlier run. */
  public VideoEncoder.Encoded video(List<Path> slideImages, List<Double> slideSeconds, Path wav, Path webVtt, int width, String language, VideoEncoder.Format format, Path out) {
    if (slideImages.size() != slideSeconds.size()) throw new IllegalArgumentException(slideImages.size() + " slides for " + slideSeconds.size() + " narrated parts");
    List<VideoEncoder.Shot> shots = new ArrayList<>();
    for (int i = 0; i < slideImages.size(); i++) shots.add(new VideoEncoder.Shot(slideImages.get(i), slideSeconds.get(i)));
    return video.encode(new VideoEncoder.VideoJob(shots, wav, webVtt, width, language), format, out);
  }

  /** A sentence as a caption shows it: without citation markers, and no space left before the punctuation that followed one. */
  static String captionText(String sentence) {
    return sentence.replaceAll("\\s*\\[\\d+(?:[,–-]\\s*\\d+)*]", "").replaceAll("\\s+([,.;:!?])", "$1").replaceAll("\\s+", " ").strip();
  }

  private static Path slide(Path dir, int i) {
    return dir.resolve(String.format(Locale.ROOT, "slide-%03d.png", i));
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw MediaFailed.of("Could not write " + file.getFileName(), e);
    }
  }

  private static void recreate(Path dir) {
    deleteQuietly(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw MediaFailed.of("Could not create " + dir, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left for the caller's clean-up of its folder.
    }
  }
}
