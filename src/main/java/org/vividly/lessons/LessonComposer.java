package org.vividly.lessons;

import java.util.List;
import org.vividly.retrieval.SearchHit;

/**
 * Port to whatever writes the lesson from retrieved passages.
 *
 * <ul>
 *   <li>{@code ExtractiveComposer}, the embedded default: selects, orders and de-duplicates source
 *       sentences; needs no language model.
 *   <li>{@code LlmComposer}: an Ollama or OpenAI-compatible chat model told to answer only from the
 *       passages and cite them; citations are checked afterwards.
 * </ul>
 *
 * Every paragraph a composer returns cites passage ids from the brief; the lesson service drops
 * any paragraph that cites nothing it retrieved.
 */
public interface LessonComposer {

  /** Name recorded on each lesson, for example {@code embedded} or {@code llm:llama3.2}. */
  String name();

  Draft compose(Brief brief);

  /**
   * What the composer gets.
   *
   * @param passages explanatory passages, best first
   * @param examples worked examples near the question, best first
   * @param exercises exercises near the question, best first
   * @param definitions glossary definitions near the question, best first
   * @param history earlier turns of a conversation, oldest first; empty for a lesson
   * @param section every passage of the section chosen to answer the question (text, examples,
   *     exercises, glossary; teacher notes left out), in the source's reading order; empty when no
   *     single section was chosen (a conversation)
   * @param sectionTitle that section's title, or null
   */
  record Brief(String question, int grade, List<String> interests, List<SearchHit> passages, List<SearchHit> examples, List<SearchHit> exercises, List<SearchHit> definitions, List<Turn> history, List<SearchHit> section, String sectionTitle) {
    public Brief {
      history = history == null ? List.of() : List.copyOf(history);
      section = section == null ? List.of() : List.copyOf(section);
    }

    public Brief(String question, int grade, List<String> interests, List<SearchHit> passages, List<SearchHit> examples, List<SearchHit> exercises, List<SearchHit> definitions, List<Turn> history) {
      this(question, grade, interests, passages, examples, exercises, definitions, history, List.of(), null);
    }

    public Brief(String question, int grade, List<String> interests, List<SearchHit> passages, List<SearchHit> examples, List<SearchHit> exercises, List<SearchHit> definitions) {
      this(question, grade, interests, passages, examples, exercises, definitions, List.of());
    }
  }

  /**
   * A turn of a conversation.
   *
   * @param role {@code user} or {@code assistant}
   */
  record Turn(String role, String text) {}

  /**
   * A lesson as composed, citing passage ids.
   *
   * @param llmTokens tokens the language model used (prompt and answer), 0 without one
   */
  record Draft(String title, CitedText hook, List<CitedText> explanation, Example example, List<Question> questions, int llmTokens, CitedText keyIdea, List<Term> terms) {
    public Draft {
      terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public Draft(String title, CitedText hook, List<CitedText> explanation, Example example, List<Question> questions, int llmTokens) {
      this(title, hook, explanation, example, questions, llmTokens, null, List.of());
    }

    public Draft(String title, CitedText hook, List<CitedText> explanation, Example example, List<Question> questions) {
      this(title, hook, explanation, example, questions, 0);
    }
  }

  /** A glossary term the lesson uses, with its definition and the glossary passage. */
  record Term(String term, String definition, long passageId) {}

  /**
   * Translates narration sentences, when this composer has a language model.
   *
   * @param language ISO 639-1 target language
   * @return the sentences translated, same count and order; empty when this composer cannot
   *     translate
   */
  default java.util.Optional<List<String>> translate(List<String> sentences, String language) {
    return java.util.Optional.empty();
  }

  record CitedText(String text, List<Long> passageIds) {}

  record Example(String problem, String solution, List<Long> passageIds) {}

  /**
   * A check question.
   *
   * @param kind as {@link Lesson.CheckQuestion#kind()}
   * @param choices the options of a multiple-choice question, else empty
   */
  record Question(String question, String answer, List<Long> passageIds, String kind, List<String> choices) {
    public Question(String question, String answer, List<Long> passageIds) {
      this(question, answer, passageIds, Lesson.CheckQuestion.EXERCISE, List.of());
    }
  }
}
