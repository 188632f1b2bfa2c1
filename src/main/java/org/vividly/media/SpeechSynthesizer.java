package org.vividly.media;

import java.nio.file.Path;
import java.util.List;

/**
 * Port to a text-to-speech engine.
 *
 * <ul>
 *   <li>{@code DebianSpeechSynthesizer}, the embedded default: Festival with the CMU Arctic SLT
 *       HTS voice for English (pocketsphinx word error rate about 0.20 on its narration) and
 *       espeak-ng for Spanish and other languages. Both come from Debian's main archive.
 *   <li>{@code OpenAiSpeechSynthesizer}: an OpenAI-compatible {@code POST /v1/audio/speech}
 *       server, for example a local Kokoro or Piper server.
 * </ul>
 *
 * Callers pass text already made speakable by {@link SpokenText}: symbols and units spelled out,
 * and an absolute {@code dir} (the data folder is, see {@code StorageProperties}): the engines run
 * with it as their working folder, where a relative path would point below itself.
 */
public interface SpeechSynthesizer {

  /** Engine name recorded on each request, for example {@code festival} or {@code openai:kokoro}. */
  String name();

  /** Whether this engine has a voice for the language (ISO 639-1, for example {@code es}). */
  boolean supports(String language);

  /**
   * Synthesizes each sentence into its own WAV file (16-bit PCM, mono) under {@code dir}. All
   * files of one call share one sample rate, so they can be joined without resampling.
   *
   * @param sentences speakable text, one utterance each; none blank
   * @return one segment per sentence, in order, with its measured duration
   * @throws MediaFailed retriable when the engine crashed or timed out, not retriable when the
   *     language is unsupported or the text cannot be spoken
   */
  List<SpokenSegment> synthesize(List<String> sentences, Voice voice, Path dir);

  /**
   * @param language ISO 639-1 code, for example {@code en} or {@code es}
   * @param name engine-specific voice name, or null for the engine's default for the language
   * @param rate speaking rate, 1.0 normal; 0.5 to 2.0
   */
  record Voice(String language, String name, double rate) {
    public Voice {
      if (language == null || !language.matches("[a-z]{2}")) throw new IllegalArgumentException("language must be an ISO 639-1 code such as en or es, was " + language);
      if (!(rate >= 0.5 && rate <= 2.0)) throw new IllegalArgumentException("rate must be between 0.5 and 2.0, was " + rate);
    }
  }

  /**
   * @param wav the synthesized audio
   * @param seconds its duration in seconds, from the WAV header
   */
  record SpokenSegment(Path wav, double seconds) {}
}
