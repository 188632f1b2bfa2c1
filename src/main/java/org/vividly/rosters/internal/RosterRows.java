package org.vividly.rosters.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A roster as rows, whatever file format it came in: schools, people, classes and enrollments, each
 * with the file and line it came from.
 */
public record RosterRows(List<SchoolRow> schools, List<PersonRow> people, List<ClassRow> classes, List<EnrollmentRow> enrollments, List<Skipped> skipped, List<Problem> problems) {

  public record SchoolRow(String file, long line, String sourcedId, String name) {}

  /** @param role {@code student}, {@code teacher} or {@code org_admin} */
  public record PersonRow(String file, long line, String sourcedId, String email, String name, String role, Integer grade, String schoolSourcedId, LocalDate birthDate) {}

  public record ClassRow(String file, long line, String sourcedId, String title, String schoolSourcedId, Integer grade, String subject) {}

  /**
   * @param role {@code teacher} or {@code student}
   * @param primary whether the teacher is the class's primary teacher
   * @param removed whether the export marks it {@code tobedeleted}
   */
  public record EnrollmentRow(String file, long line, String classSourcedId, String userSourcedId, String role, boolean primary, boolean removed) {}

  /** A row left out on purpose, for example a guardian. */
  public record Skipped(String reason) {}

  /** A row that cannot be read. */
  public record Problem(String file, long line, String message) {}
}
