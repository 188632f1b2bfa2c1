package org.vividly.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.vividly.chat.internal.ConversationStore;
import org.vividly.collections.Collections;
import org.vividly.collections.SourceCollection;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.LessonComposer;
import org.vividly.lessons.Lessons;
import org.vividly.quota.Meter;
import org.vividly.requests.QuestionPolicy;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;
import org.vividly.videos.Video;
import org.vividly.videos.VideoStatus;
import org.vividly.videos.Videos;

/**
 * Conversations over sources, videos or a collection. A conversation belongs to whoever started it;
 * nobody else, admins included, reads it (404).
 */
@Service
public class Conversations {

  /** Earlier messages given as context with each question (three questions and their answers). */
  static final int HISTORY_MESSAGES = 6;
  /** Grade assumed for people with none on file (teachers, admins). */
  static final int DEFAULT_GRADE = 12;
  static final int MAX_QUESTION = 500;

  private final ConversationStore store;
  private final Lessons lessons;
  private final Collections collections;
  private final Videos videos;
  private final Sources sources;
  private final Organizations organizations;
  private final Accounts accounts;

  private final QuestionPolicy policy;

  Conversations(ConversationStore store, Lessons lessons, Collections collections, Videos videos, Sources sources, Organizations organizations, Accounts accounts, QuestionPolicy policy) {
    this.policy = policy;
    this.store = store;
    this.lessons = lessons;
    this.collections = collections;
    this.videos = videos;
    this.sources = sources;
    this.organizations = organizations;
    this.accounts = accounts;
  }

  /**
   * Starts a conversation.
   *
   * @throws InvalidRequest when it names nothing to talk about, or a video that is not ready
   * @throws NotFound when a collection, source or video is not one the caller can read
   */
  public Conversation start(Caller caller, NewConversation request) {
    Set<UUID> scope = new LinkedHashSet<>();
    String title = request.title() == null || request.title().isBlank() ? null : title(request.title());
    if (request.collectionId() != null) {
      SourceCollection collection = collections.get(caller, request.collectionId());
      scope.addAll(collection.sourceIds());
      if (title == null) title = collection.name();
    }
    var libraries = organizations.searchable(caller.organization());
    for (UUID videoId : request.videoIds()) {
      Video video = videos.get(caller.organization(), videoId);
      if (video.status() != VideoStatus.READY) throw new InvalidRequest("\"" + video.title() + "\" is " + video.status().code() + ", not ready: a conversation can use it once it is in the library.");
      scope.add(video.sourceId());
      if (title == null) title = video.title();
    }
    for (UUID sourceId : request.sourceIds()) {
      var source = sources.get(libraries, sourceId);
      scope.add(sourceId);
      if (title == null) title = source.source().title();
    }
    if (request.collectionId() == null && scope.isEmpty()) throw new InvalidRequest("Choose what to talk about: a collection, videos or sources.");
    UUID id = store.insert(caller.organization(), caller.userId(), title == null ? "New conversation" : title, request.collectionId(), List.copyOf(scope));
    return get(caller, id);
  }

  /** The caller's conversations, most recently active first, with message counts. */
  public List<Conversation> list(Caller caller) {
    return store.list(caller.organization(), caller.userId(), 200);
  }

  public Conversation get(Caller caller, UUID id) {
    return store.find(caller.organization(), caller.userId(), id).orElseThrow(() -> new NotFound("Conversation", id));
  }

  public List<ChatMessage> messages(Caller caller, UUID id) {
    get(caller, id);
    return store.messages(caller.organization(), id);
  }

  public Conversation rename(Caller caller, UUID id, String title) {
    get(caller, id);
    store.rename(caller.organization(), caller.userId(), id, title(title));
    return get(caller, id);
  }

  public void delete(Caller caller, UUID id) {
    if (!store.delete(caller.organization(), caller.userId(), id)) throw new NotFound("Conversation", id);
  }

  /** The sources a question in this conversation is answered from, now. */
  public Set<UUID> scope(Caller caller, Conversation conversation) {
    Set<UUID> scope = new LinkedHashSet<>(conversation.sourceIds());
    if (conversation.collectionId() != null) {
      try {
        scope.addAll(collections.sourceIds(caller, conversation.collectionId()));
      } catch (NotFound e) {
        // The collection was deleted or unshared; the sources chosen at the start remain.
      }
    }
    return scope;
  }

  /**
   * Asks a question. The answer is composed from the conversation's sources only, with the last
   * {@value #HISTORY_MESSAGES} messages as context, and stored with the question. An answer is a
   * question like any other ({@link QuestionPolicy}): one text unit of the monthly quota and one of
   * the hour's questions, given back when it fails.
   *
   * @param listener receives the answer as it is made (for Server-Sent Events)
   * @return the stored answer
   * @throws InvalidRequest when the question is empty or longer than {@value #MAX_QUESTION} characters
   * @throws org.vividly.quota.QuotaExceeded when the caller has no text units left this month
   * @throws org.vividly.ratelimit.RateLimitExceeded when the caller asked too many questions this hour
   */
  public ChatMessage ask(Caller caller, UUID id, String question, ChatListener listener) {
    return answer(admit(caller, id, question), listener);
  }

  /** A question that was checked and charged, to be answered by {@link #answer}. */
  public record Admitted(Caller caller, UUID conversationId, Conversation conversation, String text, UUID answerId, long startNanos) {}

  /**
   * The first half of {@link #ask}: checks the question and charges it, so a refusal is known
   * before an answer starts streaming.
   */
  public Admitted admit(Caller caller, UUID id, String question) {
    long start = System.nanoTime();
    Conversation conversation = get(caller, id);
    if (question == null || question.isBlank()) throw new InvalidRequest("The question is empty.");
    String text = question.strip();
    if (text.length() > MAX_QUESTION) throw new InvalidRequest("The question is longer than " + MAX_QUESTION + " characters.");
    UUID answerId = UUID.randomUUID();
    policy.admit(caller, Meter.TEXT, answerId);
    return new Admitted(caller, id, conversation, text, answerId, start);
  }

  /** The second half of {@link #ask}: answers an admitted question; a failure gives its unit back. */
  public ChatMessage answer(Admitted question, ChatListener listener) {
    try {
      return answer(question.caller(), question.conversationId(), question.conversation(), question.text(), question.answerId(), question.startNanos(), listener);
    } catch (RuntimeException e) {
      policy.release(question.answerId());
      throw e;
    }
  }

  private ChatMessage answer(Caller caller, UUID id, Conversation conversation, String text, UUID answerId, long start, ChatListener listener) {
    ChatMessage asked = new ChatMessage(UUID.randomUUID(), conversation.messageCount() + 1, "user", text, List.of(new Lesson.Paragraph(text, List.of())), List.of(), true, null, null, null, null, Instant.now());
    listener.question(asked);
    List<LessonComposer.Turn> history = store.lastMessages(caller.organization(), id, HISTORY_MESSAGES).stream().map(m -> new LessonComposer.Turn(m.role(), m.content())).toList();
    Account account = accounts.get(caller.organization(), caller.userId());
    int grade = account.grade() == null ? DEFAULT_GRADE : account.grade();
    Lessons.Reply reply = lessons.reply(caller.organization(), text, history, scope(caller, conversation), grade, account.interests());
    listener.citations(reply.citations());
    List<String> pieces = new ArrayList<>();
    if (reply.inLibrary()) {
      for (Lesson.Paragraph p : reply.paragraphs()) pieces.add(p.text() + " " + markers(p.citations()));
    } else {
      pieces.add(reply.message());
    }
    for (int i = 0; i < pieces.size(); i++) listener.delta((i > 0 ? "\n\n" : "") + pieces.get(i));
    String content = String.join("\n\n", pieces);
    List<Lesson.Paragraph> paragraphs = reply.inLibrary() ? reply.paragraphs() : List.of(new Lesson.Paragraph(reply.message(), List.of()));
    int latency = (int) ((System.nanoTime() - start) / 1_000_000);
    ChatMessage answer = new ChatMessage(answerId, asked.ordinal() + 1, "assistant", content, paragraphs, reply.citations(), reply.inLibrary(), reply.composer(), latency, reply.promptTokens(), reply.completionTokens(), Instant.now());
    List<ChatMessage> stored = store.append(caller.organization(), id, asked, answer);
    listener.answer(stored.get(1));
    return stored.get(1);
  }

  /** @throws InvalidRequest unless 1-200 characters without control characters */
  private static String title(String title) {
    String t = title == null ? "" : title.strip();
    if (t.isEmpty() || t.length() > 200 || t.chars().anyMatch(Character::isISOControl)) throw new InvalidRequest("The title must be 1-200 characters without control characters.");
    return t;
  }

  private static String markers(List<Integer> citations) {
    return citations.stream().map(n -> "[" + n + "]").collect(Collectors.joining());
  }
}
