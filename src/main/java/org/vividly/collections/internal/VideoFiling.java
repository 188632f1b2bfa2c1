package org.vividly.collections.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vividly.collections.CollectionRole;
import org.vividly.collections.Collections;
import org.vividly.common.NotFound;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.videos.VideoCollections;
import org.vividly.videos.VideoIndexed;

/**
 * Collections as the videos module sees them, and the filing of each indexed video into the
 * collection chosen at upload (the owner's "Uncategorized" one when none was, or when it was
 * deleted meanwhile). Filing is idempotent, so a {@link VideoIndexed} replayed after a crash
 * files the video once.
 */
@Component
class VideoFiling implements VideoCollections {

  private final Collections collections;
  private final Sources sources;

  VideoFiling(Collections collections, Sources sources) {
    this.collections = collections;
    this.sources = sources;
  }

  @Override
  public void requireEditor(Caller caller, UUID collectionId) {
    collections.requireEditor(caller, collectionId);
  }

  @Override
  public List<Choice> editable(Caller caller) {
    return collections.list(caller).stream().filter(c -> c.role().allows(CollectionRole.EDITOR)).map(c -> new Choice(c.id(), c.name())).toList();
  }

  @ApplicationModuleListener
  void on(VideoIndexed event) {
    if (event.ownerId() == null) return;
    try {
      sources.get(event.organization(), event.sourceId());
    } catch (NotFound deletedMeanwhile) {
      return; // its SourceDeleted may have been handled first; filing now would leave a dangling item
    }
    collections.file(event.organization(), event.ownerId(), event.collectionId(), event.sourceId());
  }
}
