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

  public FakeOpenAiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/embeddings", this::embeddings);
    server.createContext("/v1/chat/completions", this::chat);
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

  private void chat(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    chatRequests.add(request);
    String content = chat.apply(request);
    respond(exchange, Map.of(
        "id", "chatcmpl-test", "object", "chat.completion", "created", 1, "model", request.path("model").asString(),
        "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", content))),
        "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
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

  @Override
  public void close() {
    server.stop(0);
  }
}
