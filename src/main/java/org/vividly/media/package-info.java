/**
 * Media: turns a narration script into audio, captions, slides and video.
 *
 * <ul>
 *   <li>{@link org.vividly.media.Narration}: the module's entry point for narrated lessons; a
 *       script of slides and sentences in, speech with timed captions, slide images and the
 *       narrated video out. It composes the engine ports below.
 *   <li>{@link org.vividly.media.SpeechSynthesizer}, the text-to-speech port: Festival and
 *       espeak-ng from Debian by default, any OpenAI-compatible {@code /v1/audio/speech} server by
 *       configuration (behind a circuit breaker, falling back to the embedded engine).
 *   <li>{@link org.vividly.media.Captions}: WebVTT and SRT from the real durations of the
 *       synthesized sentences.
 *   <li>{@link org.vividly.media.SlideRenderer}: slides drawn with Java2D.
 *   <li>{@link org.vividly.media.VideoEncoder}: ffmpeg, MP4 (H.264 + AAC) and WebM (VP9 + Opus).
 *   <li>{@link org.vividly.media.MediaStore}: media files by name, stored by content behind the
 *       {@code MediaObjects} port: a folder under the data folder by default, S3-compatible object
 *       storage ({@code vividly.media.store.type=s3}) for several servers.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package org.vividly.media;
