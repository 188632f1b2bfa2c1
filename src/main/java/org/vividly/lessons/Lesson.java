package org.vividly.lessons;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A composed lesson. Paragraph citations are numbers into {@link #citations()} (1-based).
 *
 * @param inLibrary false when the library cannot answer; then only {@code message} and
 *     {@code closestSections} are filled
 * @param keyIdea the lesson's main point in one sentence, shown first; null in lessons stored
 *     before key ideas were kept
 * @param keyTerms terms the explanation uses, with the source's own glossary definitions; empty
 *     when the source has none
 * @param evidence what the library gate saw; null in lessons stored before it was kept
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
    Instant createdAt,
    Paragraph keyIdea,
    List<KeyTerm> keyTerms,
    Evidence evidence) {

  public Lesson {
    keyTerms = keyTerms == null ? List.of() : List.copyOf(keyTerms);
    checkQuestions = checkQuestions == null ? List.of() : checkQuestions;
  }

  /** A lesson without a key idea or key terms. */
  public Lesson(UUID id, String question, int grade, List<String> interests, boolean inLibrary, String title, Paragraph hook, List<Paragraph> explanation, WorkedExample workedExample, List<CheckQuestion> checkQuestions, List<CitedSource> citations, String message, List<CitedSource> closestSections, String composer, long latencyMs, Instant createdAt) {
    this(id, question, grade, interests, inLibrary, title, hook, explanation, workedExample, checkQuestions, citations, message, closestSections, composer, latencyMs, createdAt, null, List.of(), null);
  }

  /**
   * The signals the "not in your library" gate weighed (shown to admins and on the API, not to
   * students).
   *
   * @param topSimilarity the best cosine similarity of a retrieved passage to the question
   * @param termCoverage share of the question's content terms that the chosen section uses, in [0, 1]
   * @param section the chosen section's title, or null when none was chosen
   * @param sectionShare the chosen section's share of the retrieved passages' votes, in [0, 1]: high
   *     when the passages agree on one section, low when they scatter over the library
   * @param salientCoverage share of the question's specific words (content words outside the New
   *     Dale-Chall familiar list, such as "tectonic" or "vaccine") that the chosen section uses, in
   *     [0, 1]; 1 when the question has none
   */
  public record Evidence(double topSimilarity, double termCoverage, String section, double sectionShare, double salientCoverage) {}

  /**
   * A term and what it means, from the source's glossary.
   *
   * @param citations numbers into {@link #citations()} of the glossary entry
   */
  public record KeyTerm(String term, String definition, List<Integer> citations) {}

  /** A paragraph and the citations that back it. */
  public record Paragraph(String text, List<Integer> citations) {}

  /** A worked example from the source: problem and solution, with its citation. */
  public record WorkedExample(String problem, String solution, List<Integer> citations) {}

  /**
   * A check-your-understanding question with its answer.
   *
   * @param kind {@code exercise} (the source's own exercise; the student writes an answer and
   *     compares it with the solution), {@code multiple-choice} ({@code answer} is one of
   *     {@code choices}) or {@code cloze} (a sentence of the lesson with a blank for the term in
   *     {@code answer}); null in lessons stored before kinds were kept means {@code exercise}
   * @param choices the options of a multiple-choice question, in the order shown; else empty
   */
  public record CheckQuestion(String question, String answer, List<Integer> citations, String kind, List<String> choices) {

    public static final String EXERCISE = "exercise";
    public static final String MULTIPLE_CHOICE = "multiple-choice";
    public static final String CLOZE = "cloze";

    public CheckQuestion {
      kind = kind == null ? EXERCISE : kind;
      choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The source's own exercise and its solution. */
    public CheckQuestion(String question, String answer, List<Integer> citations) {
      this(question, answer, citations, EXERCISE, List.of());
    }
  }

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
