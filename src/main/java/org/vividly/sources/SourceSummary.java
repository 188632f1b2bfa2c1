package org.vividly.sources;

import java.time.Instant;
import java.util.UUID;

/** A source in the library, with its size. */
public record SourceSummary(UUID id, String title, String format, String origin, int sections, int chunks, long tokens, Instant updatedAt) {}
