package org.vividly.lessons;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A composed lesson. Paragraph citations are numbers into {@link #citations()} (1-based).
 *
 * @param inLibrary false when the library cannot answer; then only {@code message} and
 *     {@code closestSections} are filled
 * @param composer which composer wrote it: {@code embedded} or {@code llm:<model>}
 * @param latencyMs time to retrieve and compose, in milliseconds
 */
public record Lesson(
    UUID id,
    String question,
    int grade,
    List<String> interests,
    boolean inLibrary,
    String title,
    Paragraph hook,
    List<Paragraph> explanation,
    WorkedExample workedExample,
    List<CheckQuestion> checkQuestions,
    List<CitedSource> citations,
    String message,
    List<CitedSource> closestSections,
    String composer,
    long latencyMs,
    Instant createdAt) {

  /** A paragraph and the citations that back it. */
  public record Paragraph(String text, List<Integer> citations) {}

  /** A worked example from the source: problem and solution, with its citation. */
  public record WorkedExample(String problem, String solution, List<Integer> citations) {}

  /** A check-your-understanding question with its answer. */
  public record CheckQuestion(String question, String answer, List<Integer> citations) {}

  /**
   * A cited passage: book &gt; chapter &gt; section, and the passage id that opens it.
   *
   * @param similarity cosine similarity of the passage to the question
   */
  public record CitedSource(int number, long passageId, UUID sourceId, String sourceTitle, List<String> headingPath, String anchor, double similarity) {
    public String location() {
      return String.join(" > ", headingPath);
    }
  }
}
