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

  /**
   * Runs {@code changes} (index writes, usually inside a database transaction) as one unit: commits
   * them when it returns, rolls them back when it throws. Writers of the same index take turns, so
   * one writer's rollback never discards another's changes.
   */
  default <T> T write(java.util.function.Supplier<T> changes) {
    synchronized (this) {
      T result;
      try {
        result = changes.get();
      } catch (RuntimeException | Error e) {
        rollback();
        throw e;
      }
      commit();
      return result;
    }
  }

  /** Number of chunks searchable now. */
  int size();
}
