package org.vividly.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation over some sources.
 *
 * @param collectionId the collection it is held over (its sources at the time of each question),
 *     or null
 * @param sourceIds the sources chosen when it was started (a collection's, at the start, when held
 *     over one)
 * @param messageCount questions and answers so far
 */
public record Conversation(UUID id, UUID ownerId, String title, UUID collectionId, List<UUID> sourceIds, int messageCount, Instant createdAt, Instant updatedAt) {}
