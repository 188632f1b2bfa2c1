package org.vividly.retrieval;

import java.util.Set;

/**
 * Words of a question that say nothing about its subject: interrogatives, auxiliaries, pronouns and
 * the fillers of spoken questions ("why do I fly forward when the bus stops", "what is voltage
 * really"). Standard English stop lists (Lucene's among them) keep them, since they were made for
 * documents, not questions; in a lexical (BM25) query they match every passage that asks or
 * explains "why", so each lexical adapter leaves them out of the query, never out of the index. A
 * dense query keeps the whole question: the embedding model was trained on questions as asked.
 */
public final class QuestionWords {

  /** Lower-case surface forms. */
  public static final Set<String> ALL =
      Set.of(
          "why", "how", "what", "whats", "what's", "when", "where", "which", "who", "whom", "whose",
          "do", "does", "did", "doing", "can", "could", "would", "should", "shall", "may", "might", "must",
          "i", "i'm", "me", "my", "you", "your", "we", "our", "us", "he", "she", "him", "her", "its", "it's",
          "am", "been", "being", "has", "have", "had", "isn't", "doesn't", "don't", "can't", "won't",
          "really", "actually", "exactly", "even", "just", "very", "super", "kinda", "sorta", "stuff", "like", "so", "please");

  private QuestionWords() {}
}
