package org.vividly.media.internal;

import org.vividly.media.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vividly.media.MediaFailed;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.media.SpokenText;
import org.vividly.media.WavAudio;

/**
 * The embedded speech engines, both from Debian's main archive: Festival for English (packages
 * {@code festival} and {@code festvox-us-slt-hts}) and espeak-ng for other languages, Spanish
 * included. Festival was chosen for English because its narration transcribed best here (word
 * error rate 0.20 with pocketsphinx, against 0.87 for espeak-ng's default English voice); Debian
 * main has no Spanish Festival voice, so Spanish uses espeak-ng. {@code vividly bench speech}
 * measures both.
 *
 * <p>All English sentences of a call go to one Festival process (its start-up costs about half a
 * second), each saved to its own file.
 */
final class DebianSpeechSynthesizer implements SpeechSynthesizer {

  static final Set<String> ESPEAK_LANGUAGES = Set.of("en", "es", "fr", "de", "it", "pt");
  private static final String HTS = "cmu_us_slt_arctic_hts";

  private final Map<String, String> voices;
  private final Duration timeout;

  /** @param voices voice per language, for example {@code en -> cmu_us_slt_arctic_hts, es -> es} */
  DebianSpeechSynthesizer(Map<String, String> voices, Duration timeout) {
    this.voices = Map.copyOf(voices);
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "debian";
  }

  @Override
  public boolean supports(String language) {
    if ("en".equals(language) && Processes.installed("festival")) return true;
    return ESPEAK_LANGUAGES.contains(language) && Processes.installed("espeak-ng");
  }

  @Override
  public List<SpokenSegment> synthesize(List<String> sentences, Voice voice, Path dir) {
    if (!supports(voice.language())) {
      throw new MediaFailed("No speech engine for language '" + voice.language() + "' is installed: English needs festival and festvox-us-slt-hts, other languages espeak-ng (apt-get install festival festvox-us-slt-hts espeak-ng).", false);
    }
    for (String s : sentences) {
      if (!SpokenText.speakable(s)) throw new MediaFailed("This text cannot be spoken: \"" + s + "\"", false);
    }
    String name = voice.name() != null ? voice.name() : voices.getOrDefault(voice.language(), voice.language());
    boolean festival = "en".equals(voice.language()) && Processes.installed("festival") && !name.startsWith("espeak");
    return festival ? festival(sentences, name, voice.rate(), dir) : espeak(sentences, name.replaceFirst("^espeak:", ""), voice.rate(), dir);
  }

  private List<SpokenSegment> festival(List<String> sentences, String voice, double rate, Path dir) {
    StringBuilder script = new StringBuilder();
    script.append("(voice_").append(voice.replaceAll("[^A-Za-z0-9_]", "")).append(")\n");
    if (voice.endsWith("_hts")) {
      script.append("(set! hts_engine_params (append hts_engine_params (list '(\"-r\" ").append(String.format(Locale.ROOT, "%.2f", rate)).append("))))\n");
    } else {
      script.append("(Parameter.set 'Duration_Stretch ").append(String.format(Locale.ROOT, "%.2f", 1 / rate)).append(")\n");
    }
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Path wav = dir.resolve(String.format(Locale.ROOT, "speech-%03d.wav", i));
      files.add(wav);
      script.append("(utt.save.wave (utt.synth (Utterance Text \"").append(schemeString(sentences.get(i))).append("\")) \"").append(schemeString(wav.toString())).append("\" 'riff)\n");
    }
    Processes.run(List.of("festival", "--batch", "--pipe"), script.toString(), timeout, dir);
    return measured(files);
  }

  private List<SpokenSegment> espeak(List<String> sentences, String voice, double rate, Path dir) {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Path wav = dir.resolve(String.format(Locale.ROOT, "speech-%03d.wav", i));
      Processes.run(List.of("espeak-ng", "-v", voice, "-s", Integer.toString((int) Math.round(160 * rate)), "-w", wav.toString(), "--", sentences.get(i)), null, timeout, dir);
      files.add(wav);
    }
    return measured(files);
  }

  private static List<SpokenSegment> measured(List<Path> files) {
    List<SpokenSegment> out = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) throw new MediaFailed("The speech engine wrote no audio for a sentence.", true);
      out.add(new SpokenSegment(f, WavAudio.seconds(f)));
    }
    return out;
  }

  /** Festival reads Latin-1 text: accents are dropped from English, quotes escaped. */
  private static String schemeString(String s) {
    String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7E]", " ");
    return ascii.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
