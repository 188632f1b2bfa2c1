package org.vividly.media.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Media engine settings.
 *
 * @param speech text-to-speech
 * @param video video encoding
 * @param transcription speech-to-text
 */
@ConfigurationProperties("vividly.media")
public record MediaProperties(@DefaultValue Speech speech, @DefaultValue Video video, @DefaultValue Transcription transcription) {

  /**
   * @param engine {@code pocketsphinx} (embedded, English only, the default) or {@code openai} (an
   *     OpenAI-compatible {@code /v1/audio/transcriptions} server)
   * @param ffmpeg the ffmpeg program, which prepares the audio
   * @param pocketsphinx the {@code pocketsphinx_continuous} program
   * @param pieceSeconds pocketsphinx recognizes the recording in pieces this long, in parallel
   * @param threads pieces recognized at once; 0 means one per core
   * @param timeout how long one step (one piece, or one server call) may take
   * @param openai the transcription server, when {@code engine=openai}
   */
  public record Transcription(
      @DefaultValue("pocketsphinx") String engine,
      @DefaultValue("ffmpeg") String ffmpeg,
      @DefaultValue("pocketsphinx_continuous") String pocketsphinx,
      @DefaultValue("120") int pieceSeconds,
      @DefaultValue("0") int threads,
      @DefaultValue("30m") Duration timeout,
      @DefaultValue OpenAiTranscription openai) {

    public Transcription {
      if (pieceSeconds < 10) throw new IllegalArgumentException("vividly.media.transcription.piece-seconds must be at least 10");
    }
  }

  /**
   * @param baseUrl for example {@code http://localhost:8000/v1} (faster-whisper-server)
   * @param model transcription model name, for example {@code whisper-1}
   */
  public record OpenAiTranscription(@DefaultValue("http://localhost:8000/v1") String baseUrl, @DefaultValue("") String apiKey, @DefaultValue("whisper-1") String model) {}

  /**
   * @param engine {@code debian} (Festival and espeak-ng, the default) or {@code openai} (an
   *     OpenAI-compatible {@code /v1/audio/speech} server, falling back to {@code debian})
   * @param voices voice per language for the Debian engine: a Festival voice name, or an espeak-ng
   *     voice prefixed with {@code espeak:}
   * @param rate speaking rate, 1.0 normal, 0.5 to 2.0
   * @param timeout how long one synthesis call may take
   * @param openai the speech server, when {@code engine=openai}
   */
  public record Speech(
      @DefaultValue("debian") String engine,
      @DefaultValue({"en=cmu_us_slt_arctic_hts", "es=espeak:es"}) List<String> voices,
      @DefaultValue("1.0") double rate,
      @DefaultValue("120s") Duration timeout,
      @DefaultValue OpenAiSpeech openai) {

    /** {@link #voices} as language to voice. */
    public Map<String, String> voiceMap() {
      return voices.stream().map(v -> v.split("=", 2)).filter(p -> p.length == 2).collect(java.util.stream.Collectors.toMap(p -> p[0].strip(), p -> p[1].strip(), (a, b) -> b));
    }
  }

  /**
   * @param baseUrl for example {@code http://localhost:8880/v1} (Kokoro-FastAPI)
   * @param model speech model name
   * @param voice default voice
   * @param voices voice per language, overriding {@code voice}
   * @param languages languages the server speaks
   */
  public record OpenAiSpeech(
      @DefaultValue("http://localhost:8880/v1") String baseUrl,
      @DefaultValue("") String apiKey,
      @DefaultValue("kokoro") String model,
      @DefaultValue("af_heart") String voice,
      @DefaultValue Map<String, String> voices,
      @DefaultValue({"en", "es"}) List<String> languages) {}

  /**
   * @param ffmpeg the ffmpeg program
   * @param fps output frame rate; slides are still, so a low rate costs nothing in quality
   * @param timeout how long one encode may take
   */
  public record Video(@DefaultValue("ffmpeg") String ffmpeg, @DefaultValue("5") int fps, @DefaultValue("10m") Duration timeout) {}
}
