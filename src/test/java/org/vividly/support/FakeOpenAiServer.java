package org.vividly.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server that speaks OpenAI's protocol ({@code POST /v1/embeddings},
 * {@code POST /v1/chat/completions}), standing in for a paid service in tests. Embeddings are
 * bag-of-words hashes, so texts that share words are similar; chat answers come from a function.
 */
public final class FakeOpenAiServer implements AutoCloseable {

  public static final int DIMENSIONS = 64;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpServer server;
  private volatile Function<JsonNode, String> chat = request -> "{}";
  public final List<JsonNode> chatRequests = new CopyOnWriteArrayList<>();
  public final List<JsonNode> speechRequests = new CopyOnWriteArrayList<>();
  private volatile int speechStatus = 200;
  private volatile int chatStatus = 200;

  public FakeOpenAiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/embeddings", this::embeddings);
    server.createContext("/v1/chat/completions", this::chat);
    server.createContext("/v1/audio/speech", this::speech);
    server.createContext("/v1/audio/transcriptions", this::transcription);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Sets the assistant's reply for each chat request. */
  public void answerChatWith(Function<JsonNode, String> answer) {
    this.chat = answer;
  }

  private void embeddings(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    List<String> inputs = new ArrayList<>();
    if (request.path("input").isArray()) request.path("input").forEach(n -> inputs.add(n.asString()));
    else inputs.add(request.path("input").asString());
    List<Map<String, Object>> data = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) data.add(Map.of("object", "embedding", "index", i, "embedding", bagOfWords(inputs.get(i))));
    respond(exchange, Map.of("object", "list", "model", request.path("model").asString(), "data", data, "usage", Map.of("prompt_tokens", 1, "total_tokens", 1)));
  }

  /** Makes {@code /v1/chat/completions} answer with this HTTP status (an error body when not 200). */
  public void chatStatus(int status) {
    this.chatStatus = status;
  }

  private void chat(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    chatRequests.add(request);
    if (chatStatus != 200) {
      byte[] error = "{\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(chatStatus, error.length);
      exchange.getResponseBody().write(error);
      exchange.close();
      return;
    }
    String content = chat.apply(request);
    respond(exchange, Map.of(
        "id", "chatcmpl-test", "object", "chat.completion", "created", 1, "model", request.path("model").asString(),
        "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", content))),
        "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
  }

  /** Makes {@code /v1/audio/speech} answer with this HTTP status (an error body when not 200). */
  public void speechStatus(int status) {
    this.speechStatus = status;
  }

  /** Speech as a 24 kHz mono WAV of a quiet tone, 0.3 s per word, as Kokoro-FastAPI answers. */
  private void speech(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    speechRequests.add(request);
    if (speechStatus != 200) {
      byte[] error = ("{\"error\":{\"message\":\"speech failed\"}}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(speechStatus, error.length);
      exchange.getResponseBody().write(error);
      exchange.close();
      return;
    }
    int words = request.path("input").asString().split("\\s+").length;
    int rate = 24_000;
    int frames = (int) (words * 0.3 * rate / Math.max(0.5, request.path("speed").asDouble(1.0)));
    java.io.ByteArrayOutputStream pcm = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < frames; i++) {
      short sample = (short) (Math.sin(2 * Math.PI * 220 * i / rate) * 3000);
      pcm.write(sample & 0xff);
      pcm.write((sample >> 8) & 0xff);
    }
    java.io.ByteArrayOutputStream wav = new java.io.ByteArrayOutputStream();
    javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(rate, 16, 1, true, false);
    javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(pcm.toByteArray()), format, frames), javax.sound.sampled.AudioFileFormat.Type.WAVE, wav);
    exchange.getResponseHeaders().add("Content-Type", "audio/wav");
    exchange.sendResponseHeaders(200, wav.size());
    exchange.getResponseBody().write(wav.toByteArray());
    exchange.close();
  }

  static float[] bagOfWords(String text) {
    float[] v = new float[DIMENSIONS];
    for (String word : text.toLowerCase().split("[^a-z0-9]+")) {
      if (!word.isEmpty()) v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
    }
    v[0] += 0.01f;
    return v;
  }

  private static void respond(HttpExchange exchange, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** Bodies of the transcription requests, as text (multipart form data). */
  public final List<String> transcriptionRequests = new CopyOnWriteArrayList<>();
  private volatile String transcript = "hello world";

  /** Sets the text every transcription answers; words are spaced half a second apart. */
  public void transcribeAs(String text) {
    this.transcript = text;
  }

  /**
   * {@code POST /v1/audio/transcriptions} as OpenAI answers {@code response_format=verbose_json}
   * with word and segment timestamps: one segment per sentence.
   */
  private void transcription(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
    transcriptionRequests.add(body);
    List<Map<String, Object>> words = new java.util.ArrayList<>();
    List<Map<String, Object>> segments = new java.util.ArrayList<>();
    double t = 0;
    for (String sentence : transcript.split("(?<=\\.)\\s+")) {
      double start = t;
      for (String w : sentence.split("\\s+")) {
        words.add(Map.of("word", w.replaceAll("[.,]", ""), "start", t, "end", t + 0.4));
        t += 0.5;
      }
      segments.add(Map.of("id", segments.size(), "start", start, "end", t, "text", " " + sentence));
    }
    respond(exchange, Map.of("task", "transcribe", "language", "english", "duration", t, "text", transcript, "segments", segments, "words", words));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
