package org.vividly.sources.internal;

import java.util.List;
import org.vividly.sources.SkippedFile;

/**
 * A parsed document, ready for chunking.
 *
 * @param externalKey identity across re-ingestion (the book's UUID, or the file name)
 * @param format {@code cnxml}, {@code pdf}, {@code epub}, {@code html}, {@code markdown},
 *     {@code text} or {@code beir}
 * @param skipped parts that could not be read, with reasons; the rest is still ingested
 */
public record ParsedSource(String externalKey, String title, String format, String origin, List<ParsedSection> sections, List<SkippedFile> skipped) {

  public ParsedSource {
    sections = List.copyOf(sections);
    skipped = List.copyOf(skipped);
  }
}
