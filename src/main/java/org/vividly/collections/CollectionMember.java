package org.vividly.collections;

import java.util.UUID;

public record CollectionMember(UUID userId, String displayName, String email, CollectionRole role) {}
