package org.vividly.retrieval.internal;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;

class LuceneSearchIndexTests extends SearchIndexContract {

  @Override
  SearchIndex open() {
    return new LuceneSearchIndex(new ByteBuffersDirectory(), 60, 100);
  }

  @AfterEach
  void close() throws Exception {
    ((LuceneSearchIndex) index).close();
  }
}
