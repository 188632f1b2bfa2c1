package org.vividly.sources;

import java.util.List;
import java.util.UUID;

/** One entry of a source's table of contents. */
public record SectionSummary(UUID id, String key, String title, List<String> headingPath, int chunks) {}
