package org.vividly.sources;

/** A file, or part of one, that was not ingested, and why. */
public record SkippedFile(String file, String reason) {}
