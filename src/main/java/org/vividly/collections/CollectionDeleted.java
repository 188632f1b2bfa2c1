package org.vividly.collections;

import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/**
 * A collection was deleted (its sources stay in the library). Published in the transaction that
 * deletes it, through the event publication registry; conversations held over it keep the sources
 * they started with.
 */
public record CollectionDeleted(OrganizationId organization, UUID collectionId) {}
