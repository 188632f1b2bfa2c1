package org.vividly.media;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a {@link SpeechRecognizer} heard.
 *
 * @param engine the recognizer's name
 * @param language ISO 639-1 language that was recognized
 * @param durationSeconds length of the recording, in seconds
 * @param segments utterances in time order
 * @param processingSeconds wall-clock time the recognition took, in seconds
 */
public record RecognizedSpeech(String engine, String language, double durationSeconds, List<Segment> segments, double processingSeconds) {

  public RecognizedSpeech {
    segments = List.copyOf(segments);
  }

  /**
   * One utterance: a stretch of speech between pauses (pocketsphinx) or a segment the server
   * returned (Whisper).
   *
   * @param startSeconds from the start of the recording
   * @param endSeconds from the start of the recording
   * @param words the words with their own times; empty when the engine gives none
   */
  public record Segment(double startSeconds, double endSeconds, String text, List<Word> words) {
    public Segment {
      words = List.copyOf(words);
      text = text.strip();
    }
  }

  /**
   * @param confidence the engine's posterior probability, 0 to 1; NaN when it gives none
   */
  public record Word(String text, double startSeconds, double endSeconds, double confidence) {}

  /** The whole transcript as one text. */
  public String text() {
    return segments.stream().map(Segment::text).filter(t -> !t.isBlank()).collect(Collectors.joining(" "));
  }

  /** Real-time factor: processing time over recording time (below 1 is faster than real time). */
  public double realTimeFactor() {
    return durationSeconds > 0 ? processingSeconds / durationSeconds : 0;
  }
}
