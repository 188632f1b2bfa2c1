package org.vividly.sources;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vividly.common.Forbidden;
import org.vividly.common.NotFound;
import org.vividly.retrieval.ChunkIndex;
import org.vividly.sources.internal.SourceStore;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;

/** Reads and deletes an organization's sources and passages. */
@Service
public class Sources {

  private final SourceStore queries;
  private final ChunkIndex index;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;

  Sources(SourceStore queries, ChunkIndex index, TransactionTemplate transactions, ApplicationEventPublisher events) {
    this.queries = queries;
    this.index = index;
    this.transactions = transactions;
    this.events = events;
  }

  public List<SourceSummary> list(OrganizationId org) {
    return queries.list(org);
  }

  public SourceDetail get(OrganizationId org, UUID id) {
    SourceSummary summary = queries.find(org, id).orElseThrow(() -> new NotFound("Source", id));
    return new SourceDetail(summary, queries.tableOfContents(org, id));
  }

  public Passage passage(OrganizationId org, long id) {
    return queries.passage(org, id).orElseThrow(() -> new NotFound("Passage", id));
  }

  public Optional<Passage> findPassage(OrganizationId org, long id) {
    return queries.passage(org, id);
  }

  /**
   * Reading across libraries: the organization's own and the shared ones it enabled (see
   * {@code Organizations.searchable}), so that citations into the shared library can be opened.
   */
  public List<SourceSummary> list(java.util.Collection<OrganizationId> libraries) {
    return libraries.stream().flatMap(org -> queries.list(org).stream()).toList();
  }

  public SourceDetail get(java.util.Collection<OrganizationId> libraries, UUID id) {
    for (OrganizationId org : libraries) {
      Optional<SourceSummary> summary = queries.find(org, id);
      if (summary.isPresent()) return new SourceDetail(summary.get(), queries.tableOfContents(org, id));
    }
    throw new NotFound("Source", id);
  }

  public Passage passage(java.util.Collection<OrganizationId> libraries, long id) {
    return libraries.stream().map(org -> queries.passage(org, id)).flatMap(Optional::stream).findFirst().orElseThrow(() -> new NotFound("Passage", id));
  }

  public List<Passage> sectionPassages(java.util.Collection<OrganizationId> libraries, UUID sectionId) {
    return libraries.stream().map(org -> queries.passagesOfSection(org, sectionId)).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
  }

  /** Passages of one section, in reading order. */
  public List<Passage> sectionPassages(OrganizationId org, UUID sectionId) {
    return queries.passagesOfSection(org, sectionId);
  }

  /** The texts of a source's chunks exactly as the embedding model saw them (for benchmarks). */
  public List<String> embeddingTexts(OrganizationId org, UUID sourceId) {
    return queries.embeddingTexts(org, sourceId);
  }

  /**
   * Deletes a source as {@code caller}: whoever added it, or an administrator. A book nobody in
   * particular added (the demo library, an evaluation corpus, sources from before owners were
   * recorded) is the organization's, and only an administrator deletes it.
   *
   * @throws NotFound when the organization has no such source
   * @throws Forbidden when the caller neither added it nor administers the organization
   */
  public void delete(Caller caller, UUID id) {
    Optional<UUID> owner = queries.owner(caller.organization(), id).orElseThrow(() -> new NotFound("Source", id));
    if (!SourceStore.mayChange(caller, owner)) {
      throw new Forbidden(owner.isPresent() ? "Only whoever added this source, or an administrator, may delete it" : "This source belongs to the whole library; only an administrator may delete it");
    }
    delete(caller.organization(), id);
  }

  /**
   * Deletes a source with its sections and chunks, from the database and the index, for a module
   * that checked the caller itself (a video's owner deleting its transcript).
   */
  public void delete(OrganizationId org, UUID id) {
    boolean deleted =
        index.write(
            () ->
                Boolean.TRUE.equals(
                    transactions.execute(
                        status -> {
                          boolean found = queries.delete(org, id);
                          if (found) {
                            index.deleteSource(id);
                            // In the deleting transaction: the event publication registry keeps it
                            // with the deletion, and replays it to listeners after a crash.
                            events.publishEvent(new SourceDeleted(org, id));
                          }
                          return found;
                        })));
    if (!deleted) throw new NotFound("Source", id);
  }
}
