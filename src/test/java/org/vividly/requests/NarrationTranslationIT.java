package org.vividly.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.vividly.support.ApiCalls;
import org.vividly.support.FakeOpenAiServer;
import org.vividly.support.Media;
import org.vividly.support.OwnServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An English library narrated in Spanish: the LLM composer (a local server speaking OpenAI's
 * protocol) writes the lesson and translates the narration, and the Spanish voice speaks it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NarrationTranslationIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FakeOpenAiServer LLM;

  static {
    try {
      LLM = new FakeOpenAiServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LLM.answerChatWith(request -> {
      String prompt = request.path("messages").get(request.path("messages").size() - 1).path("content").asString();
      if (prompt.startsWith("Translate each sentence")) {
        JsonNode sentences = JSON.readTree(prompt.substring(prompt.indexOf('[')));
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= sentences.size(); i++) out.add("Frase número " + i + " de la lección.");
        return JSON.writeValueAsString(out);
      }
      return """
          {"title": "How plants make food", "hook": {"text": "Plants are the kitchens of the world.", "citations": [1]},
           "explanation": [{"text": "Plants use the energy of light to turn water and carbon dioxide into sugar.", "citations": [1]}],
           "checkQuestions": []}
          """;
    });
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    OwnServer.register(registry, "translate");
    registry.add("vividly.lessons.composer", () -> "openai");
    registry.add("vividly.lessons.llm.base-url", LLM::baseUrl);
    registry.add("vividly.lessons.llm.model", () -> "tiny");
  }

  @AfterAll
  static void stop() {
    LLM.close();
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void narratesAnEnglishLessonInSpanishThroughTheLanguageModel() throws Exception {
    assumeThat(Media.installed("ffmpeg") && Media.installed("espeak-ng")).as("ffmpeg and espeak-ng are needed").isTrue();
    RestClient api = ApiCalls.admin("http://localhost:" + port);
    ApiCalls.ingest(api, "/demo/photosynthesis.md");

    JsonNode created = api.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("question", "How do plants make food from sunlight?", "modalities", List.of("audio"), "audioLanguage", "es")).retrieve().body(JsonNode.class);
    JsonNode done = ApiCalls.awaitRequest(api, created.path("id").asString(), Duration.ofMinutes(2));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    assertThat(done.path("audioLanguage").asString()).isEqualTo("es");
    assertThat(ContentRequestsIT.stage(done, "script").path("llmTokens").asInt()).isEqualTo(20);
    String vtt = api.get().uri(done.path("files").valueStream().filter(f -> f.path("name").asString().equals("captions.vtt")).findFirst().orElseThrow().path("url").asString()).retrieve().body(String.class);
    assertThat(vtt).containsPattern("Frase número \\d+ de la lección\\.").doesNotContain("Plants use the energy").doesNotContain("Veamos");
    assertThat(LLM.chatRequests.getLast().path("messages").get(0).path("content").asString()).contains("into Spanish");
  }
}
