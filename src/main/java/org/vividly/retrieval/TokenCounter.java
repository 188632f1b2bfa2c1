package org.vividly.retrieval;

/**
 * Counts tokens the way the embedding model does, so chunk sizes fit its context window
 * (bge-small-en-v1.5 reads at most 512 WordPiece tokens).
 */
public interface TokenCounter {

  int count(String text);
}
