package org.vividly.sources.internal;

import java.util.List;

/**
 * A section of a source: the unit of change detection and the boundary no chunk crosses.
 *
 * @param key stable key within the source (CNXML module id, or a slug of the heading)
 * @param headingPath titles from the source down to this section, for example {@code [Physics,
 *     Acceleration, Acceleration Due to Gravity]}
 */
public record ParsedSection(String key, String title, List<String> headingPath, List<Block> blocks) {

  public ParsedSection {
    headingPath = List.copyOf(headingPath);
    blocks = List.copyOf(blocks);
  }
}
