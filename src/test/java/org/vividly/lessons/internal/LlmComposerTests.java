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
  void sendsTheSectionFirstAndMapsCitationsBackToPassageIds() {
    server.answerChatWith(request -> """
        Here is the lesson:
        {"title": "Gravity", "keyIdea": {"text": "Gravity slows the ball as it rises.", "citations": [1]},
         "hook": {"text": "Jump shots!", "citations": [1]},
         "explanation": [{"text": "Gravity pulls the ball down.", "citations": [1, 2]}, {"text": "An invented claim.", "citations": []},
                         {"text": "A claim citing a passage that was never given.", "citations": [42]}, {"text": "[BL] Ask students to guess.", "citations": [2]}],
         "workedExample": {"problem": "Rock thrown up", "solution": "8.6 m", "citations": [3]},
         "checkQuestions": [{"question": "How fast after 2 s?", "answer": "19.6 m/s", "citations": ["4"]}, {"question": "What is resonance?", "answer": "x", "citations": [11]}, {"question": "Uncited?", "answer": "x", "citations": []}]}
        """);
    LessonComposer.Draft draft = composer.compose(ComposerFixtures.gravityBrief());
    String prompt = server.chatRequests.getFirst().path("messages").get(1).path("content").asString();
    assertThat(prompt).contains("[1] (Physics > Acceleration > Acceleration Due to Gravity, text, section)").contains("Question: Why does a ball thrown straight up slow down?");
    assertThat(prompt).as("teacher-only text is not given to the model").doesNotContain("[BL]");
    assertThat(draft.title()).isEqualTo(ComposerFixtures.SECTION);
    assertThat(draft.keyIdea().text()).isEqualTo("Gravity slows the ball as it rises.");
    assertThat(draft.explanation()).singleElement().satisfies(p -> assertThat(p.passageIds()).containsExactly(1L, 2L));
    assertThat(draft.example().passageIds()).containsExactly(4L);
    assertThat(draft.questions()).as("the question citing another chapter is dropped; the section's own fill in").hasSizeBetween(2, 3);
    assertThat(draft.questions().getFirst().passageIds()).containsExactly(5L);
    assertThat(draft.questions()).flatExtracting(LessonComposer.Question::passageIds).doesNotContain(6L);
    assertThat(draft.terms()).extracting(LessonComposer.Term::term).contains("gravity");
  }

  @Test
  void recordsTheTokensTheModelUsed() {
    server.answerChatWith(request -> "{\"title\": \"Gravity\", \"hook\": {\"text\": \"Jump!\", \"citations\": [1]}, \"explanation\": [{\"text\": \"Gravity pulls.\", \"citations\": [1]}], \"checkQuestions\": []}");
    assertThat(composer.compose(ComposerFixtures.gravityBrief()).llmTokens()).isEqualTo(20);
  }

  @Test
  void translatesNarrationSentenceBySentence() {
    server.answerChatWith(request -> "Sure: [\"La gravedad tira hacia abajo.\", \"La pelota se frena.\"]");
    var spanish = composer.translate(java.util.List.of("Gravity pulls down.", "The ball slows down."), "es");
    assertThat(spanish).hasValue(java.util.List.of("La gravedad tira hacia abajo.", "La pelota se frena."));
    assertThat(server.chatRequests.getLast().path("messages").get(0).path("content").asString()).contains("into Spanish").contains("[\"Gravity pulls down.\",\"The ball slows down.\"]");
  }

  @Test
  void rejectsATranslationThatLosesSentences() {
    server.answerChatWith(request -> "[\"Solo una.\"]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> composer.translate(java.util.List.of("One.", "Two."), "es")).hasMessageContaining("1 translations for 2 sentences");
  }
}
