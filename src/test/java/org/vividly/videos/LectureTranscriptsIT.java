package org.vividly.videos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.vividly.sources.Cue;
import org.vividly.sources.Subtitles;
import org.vividly.support.IntegrationTest;
import org.vividly.support.SharedData;
import tools.jackson.databind.JsonNode;

/**
 * MIT OCW 5.111SC lecture transcripts as videos: uploaded as WebVTT alone, asked questions whose
 * answers sit in known lectures. The top citation must come from the right lecture, and its time
 * span must hold a cue that says the key phrase.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LectureTranscriptsIT extends IntegrationTest {

  static final List<String> LECTURES = List.of("lecture-2", "lecture-3", "lecture-10", "lecture-14", "lecture-16", "lecture-19", "lecture-22", "lecture-31");

  final Map<String, String> videoOf = new LinkedHashMap<>();
  final Map<String, Path> fileOf = new LinkedHashMap<>();
  String conversation;

  @Override
  protected String organization() {
    return "mit-lectures";
  }

  @BeforeAll
  void ingest() throws IOException {
    Path root = SharedData.require("transcripts/mit-ocw-5.111sc-chemistry/sections");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path vtt : files.filter(p -> p.toString().endsWith(".vtt")).sorted().toList()) {
        String lecture = vtt.getParent().getFileName().toString();
        if (LECTURES.contains(lecture)) fileOf.put(lecture, vtt);
      }
    }
    assertThat(fileOf).hasSize(LECTURES.size());
    List<String> ids = new ArrayList<>();
    for (var e : fileOf.entrySet()) {
      var response = uploadVideo(auth(), null, e.getValue(), Map.of("tags", "chemistry,5.111"));
      assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
      String id = JSON.readTree(response.getBody()).path("id").asString();
      videoOf.put(e.getKey(), id);
      ids.add(id);
    }
    for (String id : ids) {
      JsonNode video = awaitVideo(id, auth(), Duration.ofMinutes(10));
      assertThat(video.path("status").asString()).as(video.toString()).isEqualTo("ready");
      assertThat(video.path("transcriptOrigin").asString()).isEqualTo("subtitles");
      assertThat(video.path("durationSeconds").asDouble()).isGreaterThan(1800);
    }
    HttpResponse<String> started = postJson("/api/v1/conversations", Map.of("videoIds", ids, "title", "5.111 lectures"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    conversation = json(started).path("id").asString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "What did Rutherford's gold foil experiment show about the atom?|lecture-2|gold foil",
      "What is the work function in the photoelectric effect?|lecture-3|work function",
      "How does Le Chatelier's principle predict how an equilibrium shifts?|lecture-19|Chatelier",
      "What does a buffer do to the pH of a solution?|lecture-22|buffer",
      "How do you calculate the half-life of a radioactive nucleus?|lecture-31|half-life",
      "What are sp3 hybrid orbitals?|lecture-14|hybrid"})
  void theTopCitationIsTheRightLectureAtTheRightMoment(String question, String lecture, String phrase) throws IOException {
    HttpResponse<String> asked = postJson("/api/v1/conversations/" + conversation + "/messages", Map.of("question", question));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    JsonNode answer = json(asked);
    assertThat(answer.path("inLibrary").asBoolean()).as(answer.toString()).isTrue();
    JsonNode top = answer.path("citations").get(0);
    JsonNode video = json(get("/api/v1/videos/" + videoOf.get(lecture)));
    assertThat(top.path("sourceId").asString()).as("top citation %s for '%s'", top, question).isEqualTo(video.path("sourceId").asString());
    double start = top.path("startSeconds").asDouble();
    double end = top.path("endSeconds").asDouble();
    assertThat(end).isGreaterThan(start);
    List<Cue> cues = Subtitles.parse(Files.readString(fileOf.get(lecture)), lecture);
    List<Cue> saying = cues.stream().filter(c -> c.text().toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT))).toList();
    assertThat(saying).isNotEmpty();
    assertThat(saying).as("a cue saying '%s' inside %.1f-%.1f s", phrase, start, end).anyMatch(c -> c.startSeconds() >= start - 0.01 && c.endSeconds() <= end + 0.01);
    assertThat(top.path("snippet").asString()).isNotBlank();
    assertThat(top.path("similarity").asDouble()).isGreaterThan(0);
    assertThat(answer.path("latencyMs").asInt()).isPositive();
    assertThat(answer.path("promptTokens").asInt()).isPositive();
    assertThat(answer.path("completionTokens").asInt()).isPositive();
  }

  @Test
  void aQuestionTheLecturesDoNotAnswerIsNotAnsweredFromThem() {
    JsonNode answer = json(postJson("/api/v1/conversations/" + conversation + "/messages", Map.of("question", "Who won the 1998 football World Cup final?")));
    assertThat(answer.path("inLibrary").asBoolean()).as(answer.toString()).isFalse();
    assertThat(answer.path("content").asString()).contains("do not answer");
  }

  @Test
  void theConversationListCountsMessages() {
    postJson("/api/v1/conversations/" + conversation + "/messages", Map.of("question", "What is a Lewis structure?"));
    JsonNode list = json(get("/api/v1/conversations"));
    JsonNode mine = null;
    for (JsonNode c : list) if (c.path("id").asString().equals(conversation)) mine = c;
    assertThat(mine).isNotNull();
    JsonNode thread = json(get("/api/v1/conversations/" + conversation));
    assertThat(mine.path("messageCount").asInt()).isEqualTo(thread.path("messages").size()).isGreaterThanOrEqualTo(2);
    assertThat(thread.path("messages").get(0).path("role").asString()).isEqualTo("user");
    assertThat(thread.path("messages").get(1).path("role").asString()).isEqualTo("assistant");
  }

  @Test
  void aVideoWithoutSubtitlesOrRecordingAnswersWithItsCaptionsAndNoMedia() {
    String id = videoOf.get("lecture-2");
    HttpResponse<String> captions = get("/api/v1/videos/" + id + "/captions.vtt");
    assertThat(captions.statusCode()).isEqualTo(200);
    assertThat(captions.body()).startsWith("WEBVTT").contains("-->");
    assertThat(get("/api/v1/videos/" + id + "/media").statusCode()).isEqualTo(404);
    JsonNode tagged = json(get("/api/v1/videos?tag=chemistry"));
    assertThat(tagged.size()).isGreaterThanOrEqualTo(LECTURES.size());
  }
}
