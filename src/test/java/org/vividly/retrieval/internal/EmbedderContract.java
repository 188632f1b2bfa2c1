package org.vividly.retrieval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.retrieval.Embedder;

/** What every {@link Embedder} adapter must do. Subclassed once per adapter. */
abstract class EmbedderContract {

  abstract Embedder embedder();

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
    return dot;
  }

  @Test
  void returnsOneNormalizedVectorPerPassageInOrder() {
    List<float[]> vectors = embedder().embedPassages(List.of("Gravity pulls the ball down.", "Plants make sugar from light.", "Gravity pulls the ball down."));
    assertThat(vectors).hasSize(3);
    for (float[] v : vectors) {
      assertThat(v).hasSize(embedder().dimensions());
      assertThat(cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }
    assertThat(cosine(vectors.get(0), vectors.get(2))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void relatedTextsAreCloserThanUnrelatedOnes() {
    float[] query = embedder().embedQuery("Why does a ball thrown up fall back down because of gravity?");
    List<float[]> passages = embedder().embedPassages(List.of("Gravity pulls a ball thrown up back down to the ground.", "Photosynthesis turns light, water and carbon dioxide into sugar."));
    assertThat(cosine(query, passages.get(0))).isGreaterThan(cosine(query, passages.get(1)));
  }

  @Test
  void embedsNothingForNoPassages() {
    assertThat(embedder().embedPassages(List.of())).isEmpty();
  }

  @Test
  void namesItsModel() {
    assertThat(embedder().modelId()).isNotBlank();
  }
}
