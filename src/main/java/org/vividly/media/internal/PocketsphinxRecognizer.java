package org.vividly.media.internal;

import org.vividly.media.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import org.vividly.media.MediaFailed;
import org.vividly.media.RecognizedSpeech;
import org.vividly.media.RecognizedSpeech.Segment;
import org.vividly.media.RecognizedSpeech.Word;
import org.vividly.media.SpeechRecognizer;
import org.vividly.media.WavAudio;

/**
 * The embedded speech-to-text engine: Debian's CMU pocketsphinx ({@code pocketsphinx_continuous}
 * with the en-us acoustic model and language model from {@code pocketsphinx-en-us}).
 *
 * <p>ffmpeg turns the recording into 16 kHz mono PCM and cuts it into pieces of {@code
 * pieceSeconds}; the pieces are recognized in parallel, one process per core, and their word
 * times ({@code -time yes}) shifted back onto the recording's timeline. A word spoken across a cut
 * may be lost or misheard; pieces of a minute or more keep that rare.
 */
final class PocketsphinxRecognizer implements SpeechRecognizer {

  private final MediaProperties.Transcription settings;

  PocketsphinxRecognizer(MediaProperties.Transcription settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "pocketsphinx:en-us";
  }

  @Override
  public boolean supports(String language) {
    return "en".equals(language);
  }

  @Override
  public RecognizedSpeech transcribe(Path media, String language, DoubleConsumer progress) {
    if (!supports(language)) throw new MediaFailed("The embedded speech recognizer (pocketsphinx) knows only English; for '" + language + "' set vividly.media.transcription.engine=openai and point it at a Whisper server, or upload subtitles.", false);
    long start = System.nanoTime();
    Path dir;
    try {
      dir = Files.createTempDirectory("vividly-stt-");
    } catch (IOException e) {
      throw MediaFailed.of("a working folder for speech recognition", e);
    }
    try {
      Processes.run(List.of(settings.ffmpeg(), "-nostdin", "-v", "error", "-y", "-i", media.toString(), "-vn", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le",
          "-f", "segment", "-segment_time", Integer.toString(settings.pieceSeconds()), dir.resolve("piece-%05d.wav").toString()), null, settings.timeout(), null);
      List<Path> pieces;
      try (Stream<Path> files = Files.list(dir)) {
        pieces = files.filter(p -> p.getFileName().toString().startsWith("piece-")).sorted().toList();
      }
      if (pieces.isEmpty()) throw new MediaFailed("The recording has no audio to recognize.", false);
      double duration = 0;
      double[] offsets = new double[pieces.size()];
      for (int i = 0; i < pieces.size(); i++) {
        offsets[i] = duration;
        duration += WavAudio.seconds(pieces.get(i));
      }
      List<Segment> segments = recognize(pieces, offsets, progress);
      return new RecognizedSpeech(name(), language, duration, segments, (System.nanoTime() - start) / 1e9);
    } catch (IOException e) {
      throw MediaFailed.of("the recording's audio", e);
    } finally {
      delete(dir);
    }
  }

  private List<Segment> recognize(List<Path> pieces, double[] offsets, DoubleConsumer progress) {
    int threads = Math.max(1, Math.min(settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors(), pieces.size()));
    AtomicInteger done = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<List<Segment>>> futures = new ArrayList<>();
      for (int i = 0; i < pieces.size(); i++) {
        Path piece = pieces.get(i);
        double offset = offsets[i];
        futures.add(pool.submit(() -> {
          Processes.Result r = Processes.run(List.of(settings.pocketsphinx(), "-infile", piece.toString(), "-time", "yes", "-logfn", "/dev/null"), null, settings.timeout(), null);
          progress.accept(done.incrementAndGet() / (double) pieces.size());
          return parse(r.stdout(), offset);
        }));
      }
      List<Segment> all = new ArrayList<>();
      for (Future<List<Segment>> f : futures) all.addAll(f.get());
      progress.accept(1.0);
      return all;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MediaFailed m) throw m;
      throw new MediaFailed("Speech recognition failed: " + e.getCause().getMessage(), true, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaFailed("Speech recognition was interrupted.", true, e);
    }
  }

  /**
   * Reads {@code pocketsphinx_continuous -time yes} output: per utterance, a line with the
   * hypothesis, then one line per token, {@code word start end posterior}, between {@code <s>} and
   * {@code </s>}. Fillers ({@code <sil>}, {@code [NOISE]}, {@code ++UH++}) are dropped and
   * pronunciation variants ({@code read(2)}) folded.
   */
  static List<Segment> parse(String output, double offset) {
    List<Segment> segments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length != 4 || !isNumber(f[1]) || !isNumber(f[2]) || !isNumber(f[3])) continue;
      String token = f[0];
      if (token.equals("</s>")) {
        flush(segments, words);
        continue;
      }
      if (token.startsWith("<") || token.startsWith("[") || token.startsWith("++")) continue;
      words.add(new Word(token.replaceFirst("\\(\\d+\\)$", ""), offset + Double.parseDouble(f[1]), offset + Double.parseDouble(f[2]), Math.min(1, Double.parseDouble(f[3]))));
    }
    flush(segments, words);
    return segments;
  }

  private static void flush(List<Segment> segments, List<Word> words) {
    if (words.isEmpty()) return;
    String text = String.join(" ", words.stream().map(Word::text).toList());
    segments.add(new Segment(words.getFirst().startSeconds(), words.getLast().endSeconds(), text, words));
    words.clear();
  }

  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

  private static boolean isNumber(String s) {
    return NUMBER.matcher(s).matches();
  }

  private static void delete(Path dir) {
    try {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
