package org.vividly.sources;

import java.util.List;
import java.util.UUID;

/**
 * A stored chunk, as shown when a citation is opened.
 *
 * @param kind {@code text}, {@code example}, {@code exercise}, {@code definition} or
 *     {@code teacher-note}
 * @param tokens length in embedding-model tokens
 * @param startSeconds for a lecture transcript passage, where it starts in the recording; else null
 * @param endSeconds for a lecture transcript passage, where it ends; else null
 */
public record Passage(long id, UUID sourceId, String sourceTitle, UUID sectionId, List<String> headingPath, String kind, String text, String anchor, int tokens, Double startSeconds, Double endSeconds) {}
