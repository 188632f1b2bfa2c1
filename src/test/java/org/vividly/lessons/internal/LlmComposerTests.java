package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vividly.lessons.LessonComposer;
import org.vividly.support.FakeOpenAiServer;
import tools.jackson.databind.json.JsonMapper;

class LlmComposerTests {

  final FakeOpenAiServer server = newServer();
  final LlmComposer composer = new LlmComposer(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test").modelName("tiny").build(), "tiny", JsonMapper.builder().build());

  static FakeOpenAiServer newServer() {
    try {
      return new FakeOpenAiServer();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sendsNumberedPassagesAndMapsCitationsBackToPassageIds() {
    server.answerChatWith(request -> """
        Here is the lesson:
        {"title": "Gravity", "hook": {"text": "Jump shots!", "citations": [1]},
         "explanation": [{"text": "Gravity pulls the ball down.", "citations": [1, 2]}, {"text": "An invented claim.", "citations": []},
                         {"text": "A claim citing a passage that was never given.", "citations": [42]}],
         "workedExample": {"problem": "Rock thrown up", "solution": "8.6 m", "citations": [4]},
         "checkQuestions": [{"question": "How fast after 2 s?", "answer": "19.6 m/s", "citations": ["5"]}, {"question": "Uncited?", "answer": "x", "citations": []}]}
        """);
    LessonComposer.Draft draft = composer.compose(ComposerFixtures.gravityBrief());
    String prompt = server.chatRequests.getFirst().path("messages").get(1).path("content").asString();
    assertThat(prompt).contains("[1] (Physics > Acceleration > Acceleration Due to Gravity, text)").contains("Question: Why does a ball thrown straight up slow down?");
    assertThat(draft.title()).isEqualTo("Gravity");
    assertThat(draft.explanation()).singleElement().satisfies(p -> assertThat(p.passageIds()).containsExactly(1L, 2L));
    assertThat(draft.example().passageIds()).containsExactly(4L);
    assertThat(draft.questions()).singleElement().satisfies(q -> assertThat(q.passageIds()).containsExactly(5L));
  }
}
