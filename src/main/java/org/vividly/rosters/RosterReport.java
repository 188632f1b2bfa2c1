package org.vividly.rosters;

import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do.
 *
 * @param dryRun whether nothing was kept on purpose
 * @param applied whether the changes were kept (false for a dry run and for an import with errors)
 * @param created new schools, classes, people and enrollments, by those names
 * @param updated existing people whose name, role, school or grade changed
 * @param unchanged records that were already as the export says
 * @param skipped rows left out, with why (for example {@code guardian} users), by reason
 * @param errors the rows that stopped the import; none when it was (or could be) applied
 */
public record RosterReport(boolean dryRun, boolean applied, Map<String, Integer> created, Map<String, Integer> updated, Map<String, Integer> unchanged,
    Map<String, Integer> skipped, List<RowError> errors) {

  /**
   * @param file the CSV file, for example {@code users.csv}
   * @param line the line in that file, 1 being the header
   */
  public record RowError(String file, long line, String message) {}
}
