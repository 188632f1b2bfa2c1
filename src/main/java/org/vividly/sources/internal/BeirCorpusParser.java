package org.vividly.sources.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vividly.sources.SkippedFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a BEIR corpus ({@code corpus.jsonl}: one {@code {"_id", "title", "text"}} per line; Thakur
 * et al., "BEIR", NeurIPS 2021) as a source with one section per document, so retrieval
 * benchmarks run through the same chunking, embedding and indexing as books. A section's key is
 * the document id.
 */
final class BeirCorpusParser {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  ParsedSource parse(Path corpus, String relativeName) throws IOException {
    String dataset = corpus.toAbsolutePath().getParent().getFileName().toString();
    List<ParsedSection> sections = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.isBlank()) continue;
        try {
          JsonNode doc = JSON.readTree(line);
          String id = doc.path("_id").asString("");
          String text = doc.path("text").asString("");
          if (id.isBlank() || text.isBlank()) {
            skipped.add(new SkippedFile(relativeName + ":" + number, "a document needs an _id and a text"));
            continue;
          }
          String title = doc.path("title").asString("").strip();
          sections.add(new ParsedSection(id, title.isEmpty() ? id : title, List.of(dataset, title.isEmpty() ? id : title), List.of(new Block(BlockKind.PARAGRAPH, text, List.of(), id))));
        } catch (JacksonException e) {
          skipped.add(new SkippedFile(relativeName + ":" + number, "not a JSON line: " + e.getOriginalMessage()));
        }
      }
    }
    return new ParsedSource("beir:" + dataset, dataset, "beir", relativeName, sections, skipped);
  }
}
