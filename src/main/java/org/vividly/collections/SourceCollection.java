package org.vividly.collections;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A collection as one member sees it.
 *
 * @param isDefault whether it is its owner's "Uncategorized" collection, which cannot be deleted
 * @param role what the caller may do with it; {@code OWNER} for organization admins
 * @param sourceIds its videos' and documents' sources, most recently added first
 */
public record SourceCollection(
    UUID id,
    UUID ownerId,
    String ownerName,
    String name,
    String description,
    String instructor,
    String subject,
    String semester,
    List<String> tags,
    boolean isDefault,
    CollectionRole role,
    List<UUID> sourceIds,
    int memberCount,
    Instant createdAt,
    Instant updatedAt) {}
