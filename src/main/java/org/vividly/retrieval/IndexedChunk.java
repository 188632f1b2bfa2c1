package org.vividly.retrieval;

import java.util.Objects;
import org.vividly.tenancy.OrganizationId;

/**
 * A chunk as the search index stores it.
 *
 * @param kind chunk kind: {@code text}, {@code example}, {@code exercise}, {@code definition} or
 *     {@code teacher-note}
 * @param embedding the passage vector from {@link Embedder#embedPassages}
 */
public record IndexedChunk(OrganizationId organization, String kind, String text, Citation citation, float[] embedding) {

  public IndexedChunk {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(citation, "citation");
    if (text == null || text.isBlank()) throw new IllegalArgumentException("chunk text is empty");
    if (embedding == null || embedding.length == 0) throw new IllegalArgumentException("chunk has no embedding");
  }
}
