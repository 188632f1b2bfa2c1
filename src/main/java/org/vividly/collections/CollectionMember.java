package org.vividly.collections;

import java.util.UUID;

/**
 * A member of a collection, or a person who could become one.
 *
 * @param email shown to administrators only
 * @param role their role in the collection; null for a candidate
 */
public record CollectionMember(UUID userId, String displayName, String email, CollectionRole role) {}
