package org.vividly.requests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.lessons.Lesson.KeyTerm;

class KeyTermTextTests {

  final KeyTermText text = new KeyTermText(List.of(new KeyTerm("refraction", "the bending of light", List.of(1)), new KeyTerm("electric field", "force per charge", List.of(2)), new KeyTerm("electric", "of charge", List.of(2))));

  @Test
  void marksEachTermsFirstUseAndKeepsTheRestAsText() {
    var segments = text.segments("Refraction bends light; refraction again.");
    assertThat(segments).extracting(KeyTermText.Segment::text).containsExactly("Refraction", " bends light; refraction again.");
    assertThat(segments.getFirst().index()).isZero();
    assertThat(String.join("", segments.stream().map(KeyTermText.Segment::text).toList())).isEqualTo("Refraction bends light; refraction again.");
  }

  @Test
  void theLongerTermWinsAndPluralsCount() {
    var segments = text.segments("Electric fields push charges.");
    assertThat(segments.getFirst().text()).isEqualTo("Electric fields");
    assertThat(segments.getFirst().term().term()).isEqualTo("electric field");
  }

  @Test
  void partsOfWordsAreNotTerms() {
    assertThat(text.segments("Nonrefractions are made up.")).hasSize(1).allMatch(s -> s.term() == null);
    assertThat(text.segments("")).isEmpty();
  }
}
