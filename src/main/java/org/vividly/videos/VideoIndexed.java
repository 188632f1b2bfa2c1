package org.vividly.videos;

import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/**
 * A video's transcript is in the library.
 *
 * @param ownerId who added it, or null
 * @param collectionId the collection it was added to, or null for the owner's default collection
 */
public record VideoIndexed(OrganizationId organization, UUID videoId, UUID sourceId, UUID ownerId, UUID collectionId, String title) {}
