package org.vividly.retrieval;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Write side of the search index, for the modules that own chunks. Changes become visible to
 * searches only after {@link #commit()}; {@link #rollback()} discards everything since the last
 * commit, so a failed ingestion leaves nothing half-written behind.
 */
public interface ChunkIndex {

  void add(List<IndexedChunk> chunks);

  void deleteSections(Collection<UUID> sectionIds);

  void deleteSource(UUID sourceId);

  void deleteAll();

  void commit();

  void rollback();

  /** Number of chunks searchable now. */
  int size();
}
