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
 * @param store where produced media files (audio, video, captions) are kept
 */
@ConfigurationProperties("vividly.media")
public record MediaProperties(@DefaultValue Speech speech, @DefaultValue Video video, @DefaultValue Transcription transcription, @DefaultValue Store store) {

  /**
   * @param type {@code folder} (content-addressed files under {@code <data-dir>/media}, the
   *     default, for one server) or {@code s3} (S3-compatible object storage that several servers
   *     share)
   * @param s3 the object storage, when {@code type=s3}
   */
  public record Store(@DefaultValue("folder") String type, @DefaultValue S3 s3) {}

  /**
   * @param endpoint the service's URL, for example {@code http://minio:9000}; empty means AWS S3
   *     in {@code region}
   * @param region signing region; S3-compatible servers mostly accept any
   * @param bucket bucket holding the files
   * @param prefix key prefix inside the bucket, so one bucket can serve several installations
   * @param accessKey access key id; empty means the AWS default credentials chain (environment,
   *     profile, instance role)
   * @param secretKey secret access key
   * @param pathStyle {@code http://host/bucket/key} addressing, which MinIO, Ceph and s3rver need;
   *     {@code false} for virtual-hosted buckets on AWS
   * @param createBucket create the bucket at start-up when it is missing
   */
  public record S3(
      @DefaultValue("") String endpoint,
      @DefaultValue("us-east-1") String region,
      @DefaultValue("vividly-media") String bucket,
      @DefaultValue("media/") String prefix,
      @DefaultValue("") String accessKey,
      @DefaultValue("") String secretKey,
      @DefaultValue("true") boolean pathStyle,
      @DefaultValue("true") boolean createBucket) {}

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
