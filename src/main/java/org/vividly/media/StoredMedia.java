package org.vividly.media;

import java.util.UUID;

/**
 * A file in the media store, named within its owner (for example {@code lesson.mp4} of a content
 * request).
 *
 * @param sha256 hex SHA-256 of the content, which is also its address in the store
 * @param sizeBytes file size in bytes
 */
public record StoredMedia(UUID owner, String name, String sha256, String contentType, long sizeBytes) {}
