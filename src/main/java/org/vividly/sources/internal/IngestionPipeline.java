package org.vividly.sources.internal;

import org.vividly.common.ClientMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vividly.jobs.JobFailed;
import org.vividly.jobs.JobProgress;
import org.vividly.retrieval.ChunkIndex;
import org.vividly.retrieval.Embedder;
import org.vividly.retrieval.TokenCounter;
import org.vividly.sources.SkippedFile;
import org.vividly.sources.SourceIngested;
import org.vividly.sources.internal.cnxml.CnxmlCollectionParser;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.xml.sax.SAXException;

/**
 * Parse, diff, chunk, embed, store and index. A source's changes are written in one database
 * transaction together with its index changes, and the index is committed only after the database
 * commit: a failure at any step leaves neither half-written. A section whose content hash is
 * unchanged is not re-chunked or re-embedded.
 */
@Component
public class IngestionPipeline {

  private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);

  private final SourceStore store;
  private final Embedder embedder;
  private final ChunkIndex index;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final SourcesProperties properties;
  private final Chunker chunker;
  private final TranscriptChunker transcriptChunker;
  private final DocumentParser documents = new DocumentParser();

  IngestionPipeline(SourceStore store, Embedder embedder, ChunkIndex index, TokenCounter tokens, TransactionTemplate transactions, ApplicationEventPublisher events, SourcesProperties properties) {
    this.store = store;
    this.embedder = embedder;
    this.index = index;
    this.transactions = transactions;
    this.events = events;
    this.properties = properties;
    this.chunker = new Chunker(tokens, properties.maxChunkTokens(), properties.overlapTokens());
    this.transcriptChunker = new TranscriptChunker(tokens, properties.maxChunkTokens(), properties.transcriptWindow().toMillis() / 1000.0, properties.transcriptOverlap().toMillis() / 1000.0);
  }

  /** What one ingestion did, for its report. */
  public record SourceReport(UUID sourceId, String title, String format, int sections, int sectionsChanged, int sectionsRemoved, int chunksAdded) {}

  public record Report(List<SourceReport> sources, List<SkippedFile> skipped, int sections, int chunks, double seconds, double embedSeconds) {
    public Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("sources", sources);
      map.put("skipped", skipped);
      map.put("sections", sections);
      map.put("chunks", chunks);
      map.put("seconds", round(seconds));
      map.put("embedSeconds", round(embedSeconds));
      map.put("sectionsPerSecond", round(seconds > 0 ? sections / seconds : 0));
      map.put("chunksPerSecond", round(seconds > 0 ? chunks / seconds : 0));
      return map;
    }

    private static double round(double v) {
      return Math.round(v * 100) / 100.0;
    }
  }

  /**
   * Ingests everything under {@code root} into the organization's library.
   *
   * @param uploader who added it (recorded on new sources; a source someone else added they may
   *     replace only as an admin), or null for the organization itself (demo, evaluation)
   */
  public Report ingest(OrganizationId org, Caller uploader, Path root, List<SkippedFile> alreadySkipped, JobProgress progress) {
    UUID uploadedBy = uploader == null ? null : uploader.userId();
    long start = System.nanoTime();
    List<SkippedFile> skipped = new ArrayList<>(alreadySkipped);
    progress.phase("parsing");
    List<ParsedSource> parsed = parseAll(root, skipped);
    if (parsed.isEmpty()) {
      throw new JobFailed("Nothing to ingest: " + (skipped.isEmpty() ? "the upload holds no documents" : skipped.size() + " file(s) skipped, for example " + skipped.getFirst().file() + ": " + skipped.getFirst().reason()));
    }
    progress.sectionsTotal(parsed.stream().mapToInt(p -> p.sections().size()).sum());
    List<SourceWork> work = new ArrayList<>();
    for (ParsedSource source : parsed) {
      skipped.addAll(source.skipped());
      Optional<Optional<UUID>> owner = store.ownerByKey(org, source.externalKey());
      if (uploader != null && owner.isPresent() && !SourceStore.mayChange(uploader, owner.get())) {
        skipped.add(new SkippedFile(source.origin(), "\"" + source.title() + "\" is already in the library, added by someone else: only they or an administrator may replace it (rename the file to add it as a new source)"));
        continue;
      }
      work.add(prepare(org, source, progress));
    }
    progress.chunksTotal(work.stream().mapToInt(w -> w.all().size()).sum());
    List<SourceReport> reports = new ArrayList<>();
    long[] embedNanos = {0};
    int chunks = 0;
    for (SourceWork w : work) {
      try {
        SourceReport report = store(org, uploadedBy, w, progress, embedNanos);
        reports.add(report);
        chunks += report.chunksAdded();
      } catch (RuntimeException e) {
        skipped.add(new SkippedFile(w.source().origin(), "could not be stored: " + ClientMessages.of(e, "Storing " + w.source().origin())));
      }
    }
    int sections = reports.stream().mapToInt(SourceReport::sections).sum();
    return new Report(reports, skipped, sections, chunks, (System.nanoTime() - start) / 1e9, embedNanos[0] / 1e9);
  }

  /**
   * Ingests one lecture transcript as a source with one section whose chunks carry time spans.
   *
   * @return the source's report; {@link SourceReport#sourceId()} is the stored source
   * @throws JobFailed when the transcript has no text
   */
  public SourceReport ingestTranscript(OrganizationId org, UUID addedBy, org.vividly.sources.TranscriptDocument transcript, JobProgress progress) {
    ParsedSource source = TranscriptSource.of(transcript);
    if (source.sections().getFirst().blocks().isEmpty()) throw new JobFailed(transcript.origin() + ": the transcript has no text");
    progress.sectionsTotal(1);
    SourceWork work = prepare(org, source, progress);
    progress.chunksTotal(work.all().size());
    return store(org, addedBy, work, progress, new long[1]);
  }

  private List<ParsedSource> parseAll(Path root, List<SkippedFile> skipped) {
    IngestionPlanner.Plan plan;
    try {
      plan = new IngestionPlanner(properties.maxFileSize().toBytes()).plan(root);
    } catch (IOException e) {
      throw new JobFailed("Cannot read the upload: " + e.getMessage());
    }
    skipped.addAll(plan.skipped());
    List<ParsedSource> parsed = new ArrayList<>();
    CnxmlCollectionParser cnxml = new CnxmlCollectionParser(properties.maxFileSize().toBytes());
    for (IngestionPlanner.Planned p : plan.planned()) {
      try {
        ParsedSource source =
            switch (p.format()) {
              case "cnxml" -> cnxml.parse(p.root(), p.file());
              case "beir" -> new BeirCorpusParser().parse(p.file(), p.relativeName());
              case "webvtt", "srt" -> TranscriptSource.read(p.file(), p.relativeName());
              default -> documents.parse(p.file(), p.relativeName(), p.format());
            };
        if (source.sections().isEmpty()) skipped.add(new SkippedFile(p.relativeName(), "no readable sections"));
        else parsed.add(source);
      } catch (SAXException e) {
        skipped.add(new SkippedFile(p.relativeName(), "broken XML: " + e.getMessage()));
      } catch (IOException e) {
        skipped.add(new SkippedFile(p.relativeName(), "cannot read: " + e.getMessage()));
      } catch (org.vividly.sources.InvalidSubtitles e) {
        skipped.add(new SkippedFile(p.relativeName(), String.join("; ", e.problems())));
      } catch (DocumentParser.ParseFailed e) {
        skipped.add(new SkippedFile(p.relativeName(), e.getMessage()));
      } catch (RuntimeException e) {
        skipped.add(new SkippedFile(p.relativeName(), "cannot parse: " + e.getMessage()));
      }
    }
    return parsed;
  }

  /** A source's diff against what is stored, with the chunks of its new or changed sections. */
  private record SourceWork(
      ParsedSource source, List<ParsedSection> changed, Map<String, String> hashes, Set<UUID> removed, int sectionsGone, Map<UUID, Integer> unchangedOrdinals,
      Map<String, List<ChunkDraft>> drafts, Map<String, Integer> offsetOf, List<ChunkDraft> all) {}

  private SourceWork prepare(OrganizationId org, ParsedSource source, JobProgress progress) {
    Map<String, SourceStore.StoredSection> existing = store.sourceId(org, source.externalKey()).map(store::sections).orElse(Map.of());
    List<ParsedSection> changed = new ArrayList<>();
    Map<String, String> hashes = new HashMap<>();
    Set<UUID> removed = new HashSet<>();
    Map<UUID, Integer> unchangedOrdinals = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < source.sections().size(); i++) {
      ParsedSection section = source.sections().get(i);
      keys.add(section.key());
      String hash = hash(section);
      hashes.put(section.key(), hash);
      SourceStore.StoredSection old = existing.get(section.key());
      if (old != null && old.hash().equals(hash)) {
        unchangedOrdinals.put(old.id(), i);
      } else {
        changed.add(section);
        if (old != null) removed.add(old.id());
      }
    }
    int gone = 0;
    for (Map.Entry<String, SourceStore.StoredSection> e : existing.entrySet()) {
      if (!keys.contains(e.getKey())) {
        removed.add(e.getValue().id());
        gone++;
      }
    }
    progress.sectionsDone(unchangedOrdinals.size());
    Map<String, List<ChunkDraft>> drafts = new LinkedHashMap<>();
    Map<String, Integer> offsetOf = new HashMap<>();
    List<ChunkDraft> all = new ArrayList<>();
    for (ParsedSection section : changed) {
      boolean transcript = !section.blocks().isEmpty() && section.blocks().getFirst().kind() == BlockKind.CUE;
      List<ChunkDraft> sectionDrafts = transcript ? transcriptChunker.chunk(section) : chunker.chunk(section);
      drafts.put(section.key(), sectionDrafts);
      offsetOf.put(section.key(), all.size());
      all.addAll(sectionDrafts);
    }
    return new SourceWork(source, changed, hashes, removed, gone, unchangedOrdinals, drafts, offsetOf, all);
  }

  private SourceReport store(OrganizationId org, UUID uploadedBy, SourceWork w, JobProgress progress, long[] embedNanos) {
    ParsedSource source = w.source();
    if (w.changed().isEmpty() && w.removed().isEmpty()) {
      return new SourceReport(store.sourceId(org, source.externalKey()).orElseThrow(), source.title(), source.format(), source.sections().size(), 0, 0, 0);
    }
    progress.phase("embedding");
    List<float[]> vectors = embed(w, progress, embedNanos);
    progress.phase("storing");
    Map<String, Integer> ordinalOf = new HashMap<>();
    for (int i = 0; i < source.sections().size(); i++) ordinalOf.put(source.sections().get(i).key(), i);
    UUID sourceId =
        index.write(
            () ->
                transactions.execute(
                    status -> {
                      UUID id = store.upsertSource(org, uploadedBy, source);
                      store.deleteSections(w.removed());
                      index.deleteSections(w.removed());
                      store.reorderSections(w.unchangedOrdinals());
                      for (ParsedSection section : w.changed()) {
                        List<ChunkDraft> sectionDrafts = w.drafts().get(section.key());
                        int offset = w.offsetOf().get(section.key());
                        UUID sectionId = store.insertSection(org, id, ordinalOf.get(section.key()), section, w.hashes().get(section.key()));
                        index.add(store.insertChunks(org, id, source.title(), sectionId, section.key(), sectionDrafts, vectors.subList(offset, offset + sectionDrafts.size()), embedder.modelId()));
                      }
                      // In the storing transaction, as the event publication registry needs it.
                      events.publishEvent(new SourceIngested(org, id, source.title(), w.changed().size(), w.all().size()));
                      return id;
                    }));
    return new SourceReport(sourceId, source.title(), source.format(), source.sections().size(), w.changed().size(), w.sectionsGone(), w.all().size());
  }

  /** Embeds in batches; a section counts as done for the progress bar once all its chunks are embedded. */
  private List<float[]> embed(SourceWork w, JobProgress progress, long[] embedNanos) {
    List<ChunkDraft> drafts = w.all();
    List<Integer> sectionEnds = w.changed().stream().map(s -> w.offsetOf().get(s.key()) + w.drafts().get(s.key()).size()).sorted().toList();
    List<float[]> vectors = new ArrayList<>(drafts.size());
    int batch = properties.embeddingBatch();
    int sectionsDone = 0;
    for (int i = 0; i < drafts.size(); i += batch) {
      List<String> texts = drafts.subList(i, Math.min(drafts.size(), i + batch)).stream().map(ChunkDraft::embeddingText).toList();
      long t = System.nanoTime();
      vectors.addAll(embedder.embedPassages(texts));
      embedNanos[0] += System.nanoTime() - t;
      progress.chunksDone(texts.size());
      int done = 0;
      while (done < sectionEnds.size() && sectionEnds.get(done) <= vectors.size()) done++;
      progress.sectionsDone(done - sectionsDone);
      sectionsDone = done;
    }
    progress.sectionsDone(sectionEnds.size() - sectionsDone);
    return vectors;
  }

  /** Content hash of a section, including what shapes its chunks and vectors. */
  private String hash(ParsedSection section) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((embedder.modelId() + "|" + Chunker.VERSION + "|" + properties.maxChunkTokens() + "|" + properties.overlapTokens() + "|" + section.title() + "|" + section.headingPath()).getBytes(StandardCharsets.UTF_8));
      for (Block block : section.blocks()) {
        digest.update((block.kind() + "|" + block.subsection() + "|" + block.anchor() + "|" + block.text() + "\n").getBytes(StandardCharsets.UTF_8));
        if (block.startSeconds() != null) digest.update((block.startSeconds() + "-" + block.endSeconds() + "|" + properties.transcriptWindow() + "|" + properties.transcriptOverlap() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
