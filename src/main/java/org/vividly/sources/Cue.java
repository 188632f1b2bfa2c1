package org.vividly.sources;

/**
 * One timed piece of a transcript: a WebVTT or SRT cue, or a speech-to-text segment.
 *
 * @param number 1-based position in the transcript
 * @param startSeconds where the cue starts in the recording, in seconds
 * @param endSeconds where it ends, in seconds, not before the start
 * @param speaker the speaker's label when the transcript gives one (a WebVTT {@code <v>} voice
 *     tag, or a leading {@code NAME:}), else null
 * @param text the spoken text without markup; a leading speaker label stays in the text
 */
public record Cue(int number, double startSeconds, double endSeconds, String speaker, String text) {

  public Cue {
    if (startSeconds < 0 || endSeconds < startSeconds) throw new IllegalArgumentException("cue " + number + " ends before it starts");
    text = text == null ? "" : text.strip();
  }
}
