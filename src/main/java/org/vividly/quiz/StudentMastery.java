package org.vividly.quiz;

import java.util.List;
import java.util.UUID;

/** One student's sections, those they answered most recently first. */
public record StudentMastery(UUID studentId, String displayName, List<SectionMastery> sections) {

  public StudentMastery {
    sections = List.copyOf(sections);
  }

  public List<SectionMastery> mastered() {
    return with(SectionMastery.MASTERED);
  }

  public List<SectionMastery> missed() {
    return with(SectionMastery.MISSED);
  }

  public List<SectionMastery> learning() {
    return with(SectionMastery.LEARNING);
  }

  private List<SectionMastery> with(String status) {
    return sections.stream().filter(s -> s.status().equals(status)).toList();
  }
}
