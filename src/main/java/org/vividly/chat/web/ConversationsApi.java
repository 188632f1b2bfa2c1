package org.vividly.chat.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vividly.chat.ChatListener;
import org.vividly.chat.ChatMessage;
import org.vividly.chat.Conversation;
import org.vividly.chat.Conversations;
import org.vividly.chat.NewConversation;
import org.vividly.common.ClientMessages;
import org.vividly.common.InvalidRequest;
import org.vividly.common.VividlyException;
import org.vividly.lessons.Lesson;
import org.vividly.quota.Meter;
import org.vividly.quota.Metered;
import org.vividly.tenancy.Caller;

@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations", description = "Chat over chosen sources, videos or a collection, with cited answers")
class ConversationsApi {

  private final Conversations conversations;

  ConversationsApi(Conversations conversations) {
    this.conversations = conversations;
  }

  @PostMapping
  @Operation(summary = "Start a conversation over a collection, or chosen sources and videos", description = "Body: `collectionId` and/or `sourceIds`, `videoIds` (ready videos), optional `title`.")
  ResponseEntity<Conversation> start(@RequestBody NewConversation body, Caller caller) {
    if (body == null) throw new InvalidRequest("Send a collectionId, sourceIds or videoIds.");
    Conversation c = conversations.start(caller, body);
    return ResponseEntity.created(URI.create("/api/v1/conversations/" + c.id())).body(c);
  }

  @GetMapping
  @Operation(summary = "The caller's conversations, most recently active first, with message counts")
  List<Conversation> list(Caller caller) {
    return conversations.list(caller);
  }

  record ConversationThread(Conversation conversation, List<ChatMessage> messages) {}

  @GetMapping("/{id}")
  @Operation(summary = "A conversation with all its messages")
  ConversationThread get(@PathVariable UUID id, Caller caller) {
    return new ConversationThread(conversations.get(caller, id), conversations.messages(caller, id));
  }

  record ConversationTitle(String title) {}

  @PatchMapping("/{id}")
  @Operation(summary = "Rename a conversation")
  Conversation rename(@PathVariable UUID id, @RequestBody ConversationTitle body, Caller caller) {
    return conversations.rename(caller, id, body == null ? null : body.title());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a conversation and its messages")
  ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
    conversations.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  record Question(String question) {}

  @Metered(Meter.TEXT)
  @PostMapping(path = "/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Ask a question; answers with the stored answer",
      description = "The answer cites passages of the conversation's sources only (source, section path or start-end seconds, similarity score, snippet) and records its latency and tokens. "
          + "When the sources do not answer, `inLibrary` is false and nothing is made up. Ask with `Accept: text/event-stream` to have it streamed instead.")
  ChatMessage ask(@PathVariable UUID id, @RequestBody Question body, Caller caller) {
    return conversations.ask(caller, id, body == null ? null : body.question(), ChatListener.NONE);
  }

  @Metered(Meter.TEXT)
  @PostMapping(path = "/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Ask a question and stream the answer as Server-Sent Events",
      description = "Events: `question` (the stored question), `citations` (the numbered passages), `delta` (pieces of the answer's text, in order), `answer` (the stored answer), then the stream closes. "
          + "A failure sends one `error` event with Problem Details.")
  SseEmitter stream(@PathVariable UUID id, @RequestBody Question body, Caller caller) {
    // Checked and charged before the stream opens: a refusal is an HTTP error with Problem Details.
    Conversations.Admitted question = conversations.admit(caller, id, body == null ? null : body.question());
    SseEmitter emitter = new SseEmitter(300_000L);
    Thread.ofVirtual().name("chat-" + id).start(() -> {
      try {
        conversations.answer(question, new ChatListener() {
          @Override
          public void question(ChatMessage m) {
            send(emitter, "question", m);
          }

          @Override
          public void citations(List<Lesson.CitedSource> citations) {
            send(emitter, "citations", citations);
          }

          @Override
          public void delta(String text) {
            send(emitter, "delta", Map.of("text", text));
          }

          @Override
          public void answer(ChatMessage m) {
            send(emitter, "answer", m);
          }
        });
        emitter.complete();
      } catch (VividlyException e) {
        send(emitter, "error", org.vividly.common.Problems.asMap(org.vividly.common.Problems.of(e)));
        emitter.complete();
      } catch (RuntimeException e) {
        send(emitter, "error", Map.of("status", 500, "title", "Internal Server Error", "detail", "The answer could not be made. " + ClientMessages.of(e, "Answering in conversation " + id)));
        emitter.complete();
      }
    });
    return emitter;
  }

  private static void send(SseEmitter emitter, String event, Object data) {
    try {
      emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException e) {
      // The client went away; the answer is still stored.
    }
  }
}
