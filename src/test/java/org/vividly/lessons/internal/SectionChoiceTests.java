package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vividly.lessons.internal.ComposerFixtures.hit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.retrieval.SearchHit;

class SectionChoiceTests {

  @Test
  void theSectionMostPassagesVoteForWinsAndAChapterOpenerCountsForLittle() {
    List<SearchHit> passages = List.of(
        hit(1, "text", "Light", "Introduction", "Light is all around us, from rainbows to lenses."),
        hit(2, "text", "Light", "Refraction", "Refraction is the bending of light."),
        hit(3, "text", "Light", "Refraction", "Light bends when its speed changes."),
        hit(4, "text", "Sound", "Echoes", "Sound bounces off walls."));
    SectionChoice.Chosen chosen = SectionChoice.choose("Why does light bend in water?", passages, List.of(), List.of());
    assertThat(chosen.best().citation().sectionTitle()).isEqualTo("Refraction");
    assertThat(chosen.votes()).isBetween(0.0, 1.0);
    assertThat(SectionChoice.opener(List.of("Physics", "Light", "Introduction"))).isTrue();
  }

  @Test
  void aSectionsTitleIsTheDeepestHeadingAllItsPassagesShare() {
    List<SearchHit> section = List.of(
        new SearchHit("text", "a", new org.vividly.retrieval.Citation(1, ComposerFixtures.BOOK, "Physics", ComposerFixtures.GRAVITY, "m1", List.of("Physics", "Light", "Refraction"), null), 1, 0.5),
        new SearchHit("text", "b", new org.vividly.retrieval.Citation(2, ComposerFixtures.BOOK, "Physics", ComposerFixtures.GRAVITY, "m1", List.of("Physics", "Light", "Refraction", "The Law of Refraction"), null), 1, 0.5),
        new SearchHit("definition", "c: d", new org.vividly.retrieval.Citation(3, ComposerFixtures.BOOK, "Physics", ComposerFixtures.GRAVITY, "m1", List.of("Physics", "Light", "Refraction", "Glossary"), null), 1, 0.5));
    assertThat(SectionChoice.title(section)).isEqualTo("Refraction");
  }
}
