package org.vividly.quiz;

import java.util.List;
import java.util.UUID;

/** Every student of a class with their sections, in roster order (by name). */
public record ClassMastery(UUID classId, String className, List<StudentMastery> students) {

  public ClassMastery {
    students = List.copyOf(students);
  }
}
