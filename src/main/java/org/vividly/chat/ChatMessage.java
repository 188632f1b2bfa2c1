package org.vividly.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vividly.lessons.Lesson;

/**
 * A question or an answer.
 *
 * @param role {@code user} or {@code assistant}
 * @param paragraphs for an answer, its paragraphs with their citation numbers; for a question, one
 *     paragraph with none
 * @param citations numbered passages the answer cites (or, when {@code inLibrary} is false, the
 *     closest ones): source, section path or start-end time, similarity score and snippet
 * @param inLibrary false when the sources do not answer the question
 * @param composer who wrote the answer ({@code embedded} or {@code llm:<model>}); null for questions
 * @param latencyMs time from question to answer, in milliseconds; null for questions
 * @param promptTokens tokens the composer read (see {@code Lessons.Reply}); null for questions
 * @param completionTokens tokens of the answer; null for questions
 */
public record ChatMessage(
    UUID id,
    int ordinal,
    String role,
    String content,
    List<Lesson.Paragraph> paragraphs,
    List<Lesson.CitedSource> citations,
    boolean inLibrary,
    String composer,
    Integer latencyMs,
    Integer promptTokens,
    Integer completionTokens,
    Instant createdAt) {}
