package org.vividly.sources.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vividly.jobs.JobProgress;
import org.vividly.retrieval.ChunkIndex;
import org.vividly.retrieval.Embedder;
import org.vividly.retrieval.IndexedChunk;

/**
 * Rebuilds the search index from PostgreSQL, where every chunk is stored with its vector. Chunks
 * embedded by another model than the current one are re-embedded on the way.
 */
@Component
public class Reindexer {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
  private final SourceStore store;
  private final ChunkIndex index;
  private final Embedder embedder;

  Reindexer(SourceStore store, ChunkIndex index, Embedder embedder) {
    this.store = store;
    this.index = index;
    this.embedder = embedder;
  }

  /** Returns the number of chunks indexed. */
  public int rebuild(JobProgress progress) {
    int total = store.chunkCount();
    progress.chunksTotal(total);
    progress.phase("indexing");
    int[] done = {0};
    index.write(() -> {
      index.deleteAll();
      store.forEachChunk(512, batch -> {
        List<IndexedChunk> chunks = new ArrayList<>(batch.size());
        for (SourceStore.StoredChunk stored : batch) {
          IndexedChunk chunk = stored.chunk();
          if (!stored.model().equals(embedder.modelId())) {
            float[] vector = embedder.embedPassages(List.of(chunk.citation().location() + "\n" + chunk.text())).getFirst();
            store.updateEmbedding(chunk.citation().passageId(), vector, embedder.modelId());
            chunk = new IndexedChunk(chunk.organization(), chunk.kind(), chunk.text(), chunk.citation(), vector);
          }
          chunks.add(chunk);
        }
        index.add(chunks);
        done[0] += chunks.size();
        progress.chunksDone(chunks.size());
      });
      return null;
    });
    log.info("Search index rebuilt from the database: {} chunks", done[0]);
    return done[0];
  }

  /** Whether the index lost chunks the database still has (a deleted or older index folder). */
  public boolean indexOutOfDate() {
    return index.size() != store.chunkCount();
  }
}
