package org.vividly.lessons;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A student's question.
 *
 * @param grade school grade, 1-12, or 13-16 for college years
 * @param interests up to 5 interests used for the hook, for example {@code basketball}
 * @param sourceIds restrict retrieval to these sources; empty means the whole library
 */
public record LessonRequest(String question, int grade, List<String> interests, Set<UUID> sourceIds) {

  public LessonRequest {
    if (question == null || question.isBlank()) throw new IllegalArgumentException("The question is empty.");
    question = question.strip();
    if (question.length() > 500) throw new IllegalArgumentException("The question is longer than 500 characters.");
    if (grade < 1 || grade > 16) throw new IllegalArgumentException("grade must be between 1 and 16, was " + grade);
    interests = interests == null ? List.of() : interests.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).limit(5).toList();
    if (interests.stream().anyMatch(i -> i.length() > 40)) throw new IllegalArgumentException("An interest is longer than 40 characters.");
    sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
  }
}
