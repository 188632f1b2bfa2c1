package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterestHooksTests {

  @Test
  void matchesInterestsToCategoriesByTheirWords() {
    assertThat(InterestHooks.category("NBA")).isEqualTo("sports");
    assertThat(InterestHooks.category("pickup basketball")).isEqualTo("sports");
    assertThat(InterestHooks.category("guitar")).isEqualTo("music");
    assertThat(InterestHooks.category("video game")).isEqualTo("games");
    assertThat(InterestHooks.category("my dog")).isEqualTo("animals");
    assertThat(InterestHooks.category("origami")).isNull();
  }

  @Test
  void everyCategoryReadsAsASentenceForAnyTopicAndNamesTheInterest() {
    for (String interest : List.of("basketball", "piano", "minecraft", "drawing", "horses", "baking", "rockets", "coding", "hiking", "cars", "ballet", "books", "movies")) {
      for (String topic : List.of("refraction", "acids and bases", "Newton’s second law of motion")) {
        String hook = InterestHooks.hook(List.of(interest), topic, "why does a straw look bent in water");
        assertThat(hook).as(interest).contains(interest).containsIgnoringCase(topic).endsWith("Let's find out: Why does a straw look bent in water?");
        assertThat(hook).as("no template placeholder left").doesNotContain("{");
        assertThat(hook.split("\\. |\\? ")).allSatisfy(sentence -> assertThat(Character.isUpperCase(sentence.charAt(0))).as(hook).isTrue());
      }
    }
  }

  @Test
  void namesAnUnknownInterestWithoutClaimingALinkAndWorksWithNone() {
    assertThat(InterestHooks.hook(List.of("origami"), "momentum", "What is momentum?")).contains("origami").contains("momentum").doesNotContain("have more in common");
    assertThat(InterestHooks.hook(List.of(), "momentum", "What is momentum?")).isEqualTo("Let's find out: What is momentum?");
  }
}
