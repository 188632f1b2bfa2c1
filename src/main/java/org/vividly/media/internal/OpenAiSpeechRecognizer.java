package org.vividly.media.internal;

import org.vividly.media.Processes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.DoubleConsumer;
import org.vividly.media.MediaFailed;
import org.vividly.media.RecognizedSpeech;
import org.vividly.media.RecognizedSpeech.Segment;
import org.vividly.media.RecognizedSpeech.Word;
import org.vividly.media.SpeechRecognizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speech-to-text from an OpenAI-compatible server: {@code POST {baseUrl}/audio/transcriptions} as
 * {@code multipart/form-data} with {@code file}, {@code model}, {@code language}, {@code
 * response_format=verbose_json} and {@code timestamp_granularities[]} {@code segment} and {@code
 * word} (OpenAI API reference, "Create transcription"; served the same way by whisper.cpp's server,
 * faster-whisper-server and speaches). ffmpeg first turns the recording into 16 kHz mono FLAC,
 * which keeps uploads small (OpenAI accepts at most 25 MB). A 4xx answer other than 408 and 429
 * means the input was refused and is not retried.
 */
final class OpenAiSpeechRecognizer implements SpeechRecognizer {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final MediaProperties.Transcription settings;
  private final JsonMapper json;

  OpenAiSpeechRecognizer(MediaProperties.Transcription settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
  }

  @Override
  public String name() {
    return "openai:" + settings.openai().model();
  }

  @Override
  public boolean supports(String language) {
    return language != null && language.matches("[a-z]{2}");
  }

  @Override
  public RecognizedSpeech transcribe(Path media, String language, DoubleConsumer progress) {
    if (!supports(language)) throw new MediaFailed("'" + language + "' is not an ISO 639-1 language code.", false);
    long start = System.nanoTime();
    Path flac;
    try {
      flac = Files.createTempFile("vividly-stt-", ".flac");
    } catch (IOException e) {
      throw MediaFailed.of("a working file for speech recognition", e);
    }
    try {
      Processes.run(List.of(settings.ffmpeg(), "-nostdin", "-v", "error", "-y", "-i", media.toString(), "-vn", "-ac", "1", "-ar", "16000", "-c:a", "flac", flac.toString()), null, settings.timeout(), null);
      progress.accept(0.1);
      JsonNode body = post(flac, language);
      progress.accept(1.0);
      return toSpeech(body, language, (System.nanoTime() - start) / 1e9);
    } finally {
      try {
        Files.deleteIfExists(flac);
      } catch (IOException ignored) {
        // A temporary file; the operating system cleans up after us.
      }
    }
  }

  private JsonNode post(Path flac, String language) {
    String boundary = "vividly-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      field(body, boundary, "model", settings.openai().model());
      field(body, boundary, "language", language);
      field(body, boundary, "response_format", "verbose_json");
      field(body, boundary, "timestamp_granularities[]", "segment");
      field(body, boundary, "timestamp_granularities[]", "word");
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.flac\"\r\nContent-Type: audio/flac\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(flac));
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw MediaFailed.of("the recording's audio", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.openai().baseUrl().replaceAll("/+$", "") + "/audio/transcriptions"))
        .timeout(settings.timeout())
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (!settings.openai().apiKey().isBlank()) request.header("Authorization", "Bearer " + settings.openai().apiKey());
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status / 100 != 2) {
        String detail = response.body().strip();
        boolean retriable = status >= 500 || status == 408 || status == 429;
        throw new MediaFailed("The transcription server answered " + status + (detail.isEmpty() ? "" : ": " + detail.substring(0, Math.min(300, detail.length()))), retriable);
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new MediaFailed("The transcription server at " + settings.openai().baseUrl() + " cannot be reached: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaFailed("Interrupted while waiting for the transcription server.", true, e);
    }
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Segments from {@code segments}, each with the {@code words} that fall inside it. */
  private RecognizedSpeech toSpeech(JsonNode body, String language, double seconds) {
    List<Word> words = new ArrayList<>();
    for (JsonNode w : body.path("words")) {
      words.add(new Word(w.path("word").asString("").strip(), w.path("start").asDouble(), w.path("end").asDouble(), w.has("probability") ? w.path("probability").asDouble() : Double.NaN));
    }
    List<Segment> segments = new ArrayList<>();
    for (JsonNode s : body.path("segments")) {
      double from = s.path("start").asDouble();
      double to = s.path("end").asDouble();
      List<Word> inside = words.stream().filter(w -> w.startSeconds() >= from - 0.01 && w.startSeconds() < to).toList();
      String text = s.path("text").asString("").strip();
      if (!text.isEmpty()) segments.add(new Segment(from, Math.max(from, to), text, inside));
    }
    if (segments.isEmpty() && !body.path("text").asString("").isBlank()) {
      double end = body.path("duration").asDouble(words.isEmpty() ? 0 : words.getLast().endSeconds());
      segments.add(new Segment(0, end, body.path("text").asString(""), words));
    }
    double duration = body.path("duration").asDouble(segments.isEmpty() ? 0 : segments.getLast().endSeconds());
    return new RecognizedSpeech(name(), body.path("language").asString(language).length() == 2 ? body.path("language").asString(language) : language, duration, segments, seconds);
  }
}
