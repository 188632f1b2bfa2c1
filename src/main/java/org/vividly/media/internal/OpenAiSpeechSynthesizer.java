package org.vividly.media.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vividly.media.MediaFailed;
import org.vividly.media.SpeechSynthesizer;
import org.vividly.media.SpokenText;
import org.vividly.media.WavAudio;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speech from an OpenAI-compatible server: {@code POST {baseUrl}/audio/speech} with {@code model},
 * {@code input}, {@code voice}, {@code speed} and {@code response_format: wav} (OpenAI API
 * reference, "Create speech"; served the same way by Kokoro-FastAPI and openedai-speech for Piper).
 * A 4xx answer other than 408 and 429 means the input was refused and is not retried.
 */
final class OpenAiSpeechSynthesizer implements SpeechSynthesizer {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final MediaProperties.OpenAiSpeech settings;
  private final Duration timeout;
  private final JsonMapper json;

  OpenAiSpeechSynthesizer(MediaProperties.OpenAiSpeech settings, Duration timeout, JsonMapper json) {
    this.settings = settings;
    this.timeout = timeout;
    this.json = json;
  }

  @Override
  public String name() {
    return "openai:" + settings.model();
  }

  @Override
  public boolean supports(String language) {
    return Set.copyOf(settings.languages()).contains(language);
  }

  @Override
  public List<SpokenSegment> synthesize(List<String> sentences, Voice voice, Path dir) {
    if (!supports(voice.language())) throw new MediaFailed("The speech server is not configured for language '" + voice.language() + "' (vividly.media.speech.openai.languages).", false);
    List<SpokenSegment> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      String text = sentences.get(i);
      if (!SpokenText.speakable(text)) throw new MediaFailed("This text cannot be spoken: \"" + text + "\"", false);
      Path wav = dir.resolve(String.format(Locale.ROOT, "speech-%03d.wav", i));
      request(text, voice, wav);
      out.add(new SpokenSegment(wav, WavAudio.seconds(wav)));
    }
    return out;
  }

  private void request(String text, Voice voice, Path wav) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", settings.model());
    body.put("input", text);
    body.put("voice", voice.name() != null ? voice.name() : settings.voices().getOrDefault(voice.language(), settings.voice()));
    body.put("response_format", "wav");
    body.put("speed", voice.rate());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl().replaceAll("/+$", "") + "/audio/speech"))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (!settings.apiKey().isBlank()) request.header("Authorization", "Bearer " + settings.apiKey());
    try {
      HttpResponse<Path> response = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(wav));
      int status = response.statusCode();
      if (status / 100 != 2) {
        String detail = Files.exists(wav) ? Files.readString(wav).strip() : "";
        Files.deleteIfExists(wav);
        boolean retriable = status >= 500 || status == 408 || status == 429;
        throw new MediaFailed("The speech server answered " + status + (detail.isEmpty() ? "" : ": " + detail.substring(0, Math.min(300, detail.length()))), retriable);
      }
    } catch (IOException e) {
      throw new MediaFailed("The speech server at " + settings.baseUrl() + " cannot be reached: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaFailed("Interrupted while waiting for the speech server.", true, e);
    }
  }
}
