package org.vividly.media;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Port to a speech-to-text engine.
 *
 * <ul>
 *   <li>{@code PocketsphinxRecognizer}, the embedded default: Debian's CMU pocketsphinx with its
 *       en-us acoustic and language models; offline, English only, about 0.3x real time per core.
 *   <li>{@code OpenAiSpeechRecognizer}: an OpenAI-compatible {@code /v1/audio/transcriptions}
 *       server (OpenAI, whisper.cpp's server, faster-whisper-server, speaches).
 * </ul>
 */
public interface SpeechRecognizer {

  /** Name recorded with each transcript, for example {@code pocketsphinx:en-us}. */
  String name();

  /** Whether this engine recognizes the language (ISO 639-1). */
  boolean supports(String language);

  /**
   * Transcribes a recording, with segment and word timestamps.
   *
   * @param media any audio or video file ffmpeg reads
   * @param language ISO 639-1 language of the speech, for example {@code en}
   * @param progress receives the fraction done, 0 to 1, as the work goes on
   * @throws MediaFailed not retriable when the language is not supported or the file has no audio;
   *     retriable when the engine crashed, timed out or cannot be reached
   */
  RecognizedSpeech transcribe(Path media, String language, DoubleConsumer progress);
}
