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
   * A cited passage: book &gt; chapter &gt; section, or a lecture and the stretch of it, and the
   * passage id that opens it.
   *
   * @param similarity cosine similarity of the passage to the question
   * @param startSeconds for a lecture, where the passage starts in the recording; else null
   * @param endSeconds for a lecture, where it ends; else null
   * @param snippet the passage's opening words, at most about 240 characters; null in lessons stored
   *     before snippets were kept
   */
  public record CitedSource(int number, long passageId, UUID sourceId, String sourceTitle, List<String> headingPath, String anchor, double similarity, Double startSeconds, Double endSeconds, String snippet) {

    public CitedSource(int number, long passageId, UUID sourceId, String sourceTitle, List<String> headingPath, String anchor, double similarity) {
      this(number, passageId, sourceId, sourceTitle, headingPath, anchor, similarity, null, null, null);
    }

    public String location() {
      String path = String.join(" > ", headingPath);
      return timed() ? path + " > " + org.vividly.retrieval.Citation.clock(startSeconds) + "\u2013" + org.vividly.retrieval.Citation.clock(endSeconds) : path;
    }

    /** Whether this is a stretch of a recording. */
    public boolean timed() {
      return startSeconds != null;
    }

    /** Where the player should jump, {@code m:ss}. */
    public String clock() {
      return timed() ? org.vividly.retrieval.Citation.clock(startSeconds) : null;
    }
  }
}
