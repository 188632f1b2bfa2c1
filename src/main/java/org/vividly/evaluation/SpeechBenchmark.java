package org.vividly.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.media.SpokenText;
import org.vividly.media.WavAudio;

/**
 * Text-to-speech speed and intelligibility: the real-time factor (synthesis time over audio time)
 * per language, and for English the word error rate of the narration transcribed by Debian's
 * pocketsphinx (en-us model) against the text that was spoken. Debian main has no Spanish
 * recognizer, so Spanish reports speed only.
 */
@Component
class SpeechBenchmark {

  /** About 70 s of lesson narration; words only, so the reference needs no number normalization. */
  static final List<String> ENGLISH = List.of(
      "Plants make their own food through a process called photosynthesis.",
      "Inside the leaves, tiny structures called chloroplasts hold a green pigment that absorbs sunlight.",
      "The plant takes in carbon dioxide from the air and water from the soil.",
      "Using the energy of light, it turns these into sugar and releases oxygen.",
      "A ball thrown straight up slows down because gravity pulls it back toward the ground.",
      "At the top of its path the ball stops for a moment before it falls again.",
      "Water evaporates from the ocean, forms clouds, and returns to the land as rain or snow.",
      "Rivers carry the water back to the sea, and the cycle begins again.",
      "A fraction names a part of a whole, such as one half or three quarters of a pizza.",
      "When two fractions have the same bottom number, we add them by adding the top numbers.");

  static final List<String> SPANISH = List.of(
      "Las plantas fabrican su propio alimento mediante la fotosíntesis.",
      "Dentro de las hojas, los cloroplastos contienen un pigmento verde que absorbe la luz del sol.",
      "La planta toma dióxido de carbono del aire y agua del suelo.",
      "Con la energía de la luz, los convierte en azúcar y libera oxígeno.",
      "El agua se evapora del océano, forma nubes y vuelve a la tierra como lluvia.",
      "Una fracción nombra una parte de un todo, como la mitad de una pizza.");

  private final SpeechSynthesizer speech;

  SpeechBenchmark(SpeechSynthesizer speech) {
    this.speech = speech;
  }

  Map<String, Object> run(Path dir) throws IOException, InterruptedException {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("engine", speech.name());
    report.put("en", language("en", ENGLISH, dir.resolve("en"), true));
    report.put("es", language("es", SPANISH, dir.resolve("es"), false));
    return report;
  }

  private Map<String, Object> language(String language, List<String> sentences, Path dir, boolean transcribe) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<String> spoken = sentences.stream().map(s -> SpokenText.of(s, language)).toList();
    long start = System.nanoTime();
    var segments = speech.synthesize(spoken, new SpeechSynthesizer.Voice(language, null, 1.0), dir);
    double synthesis = (System.nanoTime() - start) / 1e9;
    double audio = segments.stream().mapToDouble(SpeechSynthesizer.SpokenSegment::seconds).sum();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sentences", sentences.size());
    out.put("audioSeconds", round(audio));
    out.put("synthesisSeconds", round(synthesis));
    out.put("realTimeFactor", round(synthesis / audio));
    if (transcribe) {
      Path joined = dir.resolve("joined.wav");
      WavAudio.join(segments.stream().map(SpeechSynthesizer.SpokenSegment::wav).toList(), segments.stream().map(s -> 0.4).toList(), joined);
      String hypothesis = transcribe(joined, dir);
      out.put("wordErrorRate", round(wordErrorRate(String.join(" ", spoken), hypothesis)));
      out.put("recognizer", "pocketsphinx en-us");
    } else {
      out.put("wordErrorRate", null);
      out.put("recognizer", "none: Debian main has no recognizer for '" + language + "'");
    }
    return out;
  }

  private static String transcribe(Path wav, Path dir) throws IOException, InterruptedException {
    Path mono16k = dir.resolve("16k.wav");
    run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav.toString(), "-ar", "16000", "-ac", "1", mono16k.toString()));
    return run(List.of("pocketsphinx_continuous", "-infile", mono16k.toString(), "-logfn", "/dev/null"));
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException(command.getFirst() + " is not installed (apt-get install ffmpeg pocketsphinx pocketsphinx-en-us)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException(command.getFirst() + " failed");
    return out;
  }

  static double wordErrorRate(String reference, String hypothesis) {
    return org.vividly.media.WordErrorRate.of(reference, hypothesis);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
