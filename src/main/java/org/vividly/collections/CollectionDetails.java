package org.vividly.collections;

import java.util.List;
import org.vividly.common.InvalidRequest;
import org.vividly.tenancy.Names;

/**
 * A collection's name and metadata, as created or changed.
 *
 * @param instructor who teaches the course, or null
 * @param subject for example {@code Chemistry}, or null
 * @param semester for example {@code Fall 2026}, or null
 * @param tags up to 20 tags of at most 40 characters, kept in order without duplicates
 */
public record CollectionDetails(String name, String description, String instructor, String subject, String semester, List<String> tags) {

  public CollectionDetails {
    name = Names.check("The collection name", name);
    description = description == null ? "" : description.strip();
    if (description.length() > 2000) throw new InvalidRequest("The description is longer than 2000 characters.");
    instructor = optional("The instructor", instructor);
    subject = optional("The subject", subject);
    semester = optional("The semester", semester);
    tags = tags(tags);
  }

  private static String optional(String what, String value) {
    return value == null || value.isBlank() ? null : Names.check(what, value);
  }

  /** Tags trimmed, lower-cased, without duplicates ({@link Names#tags}). */
  public static List<String> tags(List<String> tags) {
    return Names.tags(tags);
  }
}
