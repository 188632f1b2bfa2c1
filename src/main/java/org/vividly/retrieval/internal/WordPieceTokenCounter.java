package org.vividly.retrieval.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.vividly.retrieval.TokenCounter;

/** Counts bge-small-en-v1.5 WordPiece tokens with the model's own Hugging Face tokenizer. */
final class WordPieceTokenCounter implements TokenCounter {

  private final HuggingFaceTokenizer tokenizer;

  WordPieceTokenCounter() {
    try (InputStream json = OnnxEmbedder.resource("bge-small-en-v1.5-q-tokenizer.json")) {
      this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot load the tokenizer", e);
    }
  }

  @Override
  public int count(String text) {
    if (text.isEmpty()) return 0;
    return tokenizer.encode(text, false, false).getIds().length;
  }
}
