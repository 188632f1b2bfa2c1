package org.vividly.jobs;

import java.util.Map;
import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/**
 * A job as its handler sees it.
 *
 * @param data what it was submitted with
 * @param attempt 1 on the first run, 2 after the server running it died once, and so on
 */
public record Job(UUID id, OrganizationId organization, String kind, String label, Map<String, String> data, int attempt) {

  /** A value of {@link #data()}; an absent one is an error of the submitter. */
  public String require(String key) {
    String value = data.get(key);
    if (value == null) throw new IllegalStateException("Job " + id + " (" + kind + ") has no '" + key + "'");
    return value;
  }
}
