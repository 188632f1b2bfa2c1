package org.vividly.chat;

import java.util.List;
import java.util.UUID;

/**
 * What a conversation is held over: a collection, or chosen sources and videos (or both).
 *
 * @param title null to name it after the collection or first source
 * @param sourceIds sources of the caller's library (or a shared library it enabled)
 * @param videoIds videos whose transcripts are in the library
 */
public record NewConversation(String title, UUID collectionId, List<UUID> sourceIds, List<UUID> videoIds) {
  public NewConversation {
    sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    videoIds = videoIds == null ? List.of() : List.copyOf(videoIds);
  }
}
