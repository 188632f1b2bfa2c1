package org.vividly.requests;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vividly.lessons.LessonRequest;

/**
 * What a student asks for.
 *
 * @param modalities at least one of text, audio, video; text is always produced, since audio and
 *     video narrate it
 * @param preferred the modality the student prefers to receive first; one of {@code modalities}
 * @param textLanguage ISO 639-1 language of the lesson text (the library's language), default
 *     {@code en}
 * @param audioLanguage ISO 639-1 language of the narration, default {@code textLanguage}
 * @param resolution video height in pixels: 720 (1280x720, the default) or 1080 (1920x1080)
 * @param voiceRate speaking rate, 1.0 normal, 0.5 to 2.0
 */
public record ContentRequestCommand(LessonRequest lesson, Set<Modality> modalities, Modality preferred, String textLanguage, String audioLanguage, int resolution, double voiceRate) {

  public ContentRequestCommand {
    Set<Modality> m = EnumSet.of(Modality.TEXT);
    if (modalities != null) m.addAll(modalities);
    modalities = java.util.Collections.unmodifiableSet(m);
    if (preferred == null) preferred = m.contains(Modality.VIDEO) ? Modality.VIDEO : m.contains(Modality.AUDIO) ? Modality.AUDIO : Modality.TEXT;
    if (!m.contains(preferred)) throw new IllegalArgumentException("The preferred modality '" + preferred.key() + "' is not among those asked for.");
    textLanguage = language(textLanguage, "en", "textLanguage");
    audioLanguage = language(audioLanguage, textLanguage, "audioLanguage");
    if (resolution == 0) resolution = 720;
    if (resolution != 720 && resolution != 1080) throw new IllegalArgumentException("resolution must be 720 or 1080, was " + resolution);
    if (voiceRate == 0) voiceRate = 1.0;
    if (!(voiceRate >= 0.5 && voiceRate <= 2.0)) throw new IllegalArgumentException("voiceRate must be between 0.5 and 2.0, was " + voiceRate);
  }

  /** Convenience for the API: parses modality names. */
  public static ContentRequestCommand of(String question, int grade, List<String> interests, Set<UUID> sourceIds, List<String> modalities, String preferred, String textLanguage, String audioLanguage, Integer resolution, Double voiceRate) {
    Set<Modality> parsed = new LinkedHashSet<>();
    if (modalities != null) modalities.forEach(m -> parsed.add(Modality.parse(m)));
    return new ContentRequestCommand(new LessonRequest(question, grade, interests, sourceIds), parsed, preferred == null || preferred.isBlank() ? null : Modality.parse(preferred), textLanguage, audioLanguage, resolution == null ? 0 : resolution, voiceRate == null ? 0 : voiceRate);
  }

  /** Width of the video in pixels. */
  public int width() {
    return resolution == 1080 ? 1920 : 1280;
  }

  private static String language(String value, String fallback, String field) {
    if (value == null || value.isBlank()) return fallback;
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (!v.matches("[a-z]{2}")) throw new IllegalArgumentException(field + " must be an ISO 639-1 code such as en or es, was '" + value + "'");
    return v;
  }
}
