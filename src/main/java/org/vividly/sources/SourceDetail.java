package org.vividly.sources;

import java.util.List;

/** A source with its table of contents, in reading order. */
public record SourceDetail(SourceSummary source, List<SectionSummary> sections) {}
