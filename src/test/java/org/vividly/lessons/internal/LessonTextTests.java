package org.vividly.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LessonTextTests {

  @Test
  void keepsCompleteStatementsAndDropsWhatPointsElsewhere() {
    assertThat(LessonText.usable("Refraction is the bending of light as it passes from one medium into another.", 7)).isTrue();
    assertThat(LessonText.usable("As shown in Figure 4.3, the ray bends toward the normal line.", 7)).isFalse();
    assertThat(LessonText.usable("(b) shows how a lever works mathematically in this example.", 7)).isFalse();
    assertThat(LessonText.usable("In, we have velocity on the y-axis and time along the x-axis.", 7)).as("a figure link the parser dropped").isFalse();
    assertThat(LessonText.usable("We will explore acceleration in more detail later in the book.", 7)).isFalse();
    assertThat(LessonText.usable("Hold a strip of tissue paper between your thumb and finger.", 7)).as("lab instruction").isFalse();
    assertThat(LessonText.usable("[BL] Ask students to name three simple machines they use.", 12)).isFalse();
    assertThat(LessonText.usable("Why does the ball slow down as it rises?", 7)).as("a question").isFalse();
    assertThat(LessonText.usable("The following equation gives:", 7)).isFalse();
    assertThat(LessonText.usable("To test for airflow, hold a strip of single ply tissue paper between the thumb and index finger.", 7)).as("an instruction after an opening clause").isFalse();
    assertThat(LessonText.usable("When you push a heavy cart, the cart pushes back on you with an equal force.", 7)).as("an opening clause before a statement").isTrue();
  }

  @Test
  void equationsStayOutBelowGradeElevenOnly() {
    String equation = "The net force is given by F = ma for an object of constant mass.";
    assertThat(LessonText.usable(equation, 8)).isFalse();
    assertThat(LessonText.usable(equation, 12)).isTrue();
  }

  @Test
  void recognisesTeacherOnlyText() {
    assertThat(LessonText.teacherOnly("Teacher Support: Teaching tip. Have students work in pairs.")).isTrue();
    assertThat(LessonText.teacherOnly("[OL] Review the definition of work.")).isTrue();
    assertThat(LessonText.teacherOnly("Work is done when a force moves an object.")).isFalse();
  }

  @Test
  void danglingOpenersAndConnectives() {
    assertThat(LessonText.dangling("This means the ball stops.")).isTrue();
    assertThat(LessonText.dangling("The down side is that you must push farther.")).isTrue();
    assertThat(LessonText.dangling("Gravity pulls the ball down.")).isFalse();
    assertThat(LessonText.withoutConnective("However, the ball keeps moving.")).isEqualTo("The ball keeps moving.");
  }

  @Test
  void youngerStudentsGetShorterSentencesWithoutParentheticals() {
    String s = "Light slows down when it enters water (a denser medium than air), and the change in speed makes the light bend at the surface of the water.";
    assertThat(LessonText.readable(s, 6)).containsExactly("Light slows down when it enters water.", "The change in speed makes the light bend at the surface of the water.");
    assertThat(LessonText.readable(s, 12)).containsExactly(s);
    assertThat(LessonText.readable("Heat flows from hot to cold (see Figure 2).", 12)).containsExactly("Heat flows from hot to cold.");
  }

  @Test
  void aListIsNotSplitAsIfItWereTwoClauses() {
    String list = "Physics describes the relationship between the speed of an object, the distance over which it travels, and the time it takes to travel that distance.";
    assertThat(LessonText.readable(list, 7)).containsExactly(list);
    String clauses = "Sound travels through the air as a pressure wave at about 340 meters per second, and the light from the same flash reaches us almost at once.";
    assertThat(LessonText.readable(clauses, 7)).hasSize(2);
  }

  @Test
  void aCauseIsSplitFromItsEffectForYoungerStudentsWithNoStrayComma() {
    String s = "Anionic radii are larger than the parent atom, because the electrons repel one another more strongly.";
    assertThat(LessonText.readable(s, 7)).containsExactly("Anionic radii are larger than the parent atom.", "This is because the electrons repel one another more strongly.");
    assertThat(LessonText.readable(s, 10)).containsExactly(s);
    String which = "The bubbles in soda are carbon dioxide, which is a gas that dissolves better under high pressure.";
    assertThat(LessonText.readable(which, 7)).containsExactly("The bubbles in soda are carbon dioxide.", "It is a gas that dissolves better under high pressure.");
  }

  @Test
  void theBookAnnouncingWhatComesNextAndExerciseInstructionsAreLeftOut() {
    assertThat(LessonText.usable("The difference between fission and fusion, which results from the size of the nuclei involved, will be addressed next.", 9)).isFalse();
    assertThat(LessonText.usable("Express the mercury concentration of the wastewater in ppm and ppb units.", 9)).isFalse();
    assertThat(LessonText.usable("Nuclear fusion is the combining of two light nuclei into a heavier one.", 9)).isTrue();
  }

  @Test
  void aQuotationIsNeverSplitAndOpenersThatPointBackDangle() {
    String quoted = "First, you generate a hypothesis such as, \"The car will not start because it has no gasoline in the tank.\"";
    assertThat(LessonText.readable(quoted, 7)).containsExactly(quoted);
    assertThat(LessonText.dangling("The scenario is very similar to the roller coaster and the skate park.")).isTrue();
    assertThat(LessonText.dangling("At that distance, the strengths of the two forces are the same.")).isTrue();
    assertThat(LessonText.usable("See how water waves, sound, and light all show interference patterns.", 9)).isFalse();
  }

  @Test
  void photosTheBookTalkingInCurlyQuotesAndReferencesBackInsideASentenceAreCaught() {
    assertThat(LessonText.usable("The two light bulbs in the photo can be considered as two different resistors.", 7)).isFalse();
    assertThat(LessonText.usable("To get started, let’s think of light bulbs, which are rated by their power in watts.", 7)).isFalse();
    assertThat(LessonText.usable("We take a look at the latter two examples, which are the most complex.", 7)).isFalse();
    assertThat(LessonText.dangling("Examples of this type of lever are baseball bats, hammers, and golf clubs.")).isTrue();
    assertThat(LessonText.dangling("A lever is a rigid bar that turns about a point called the fulcrum.")).isFalse();
  }

  @Test
  void aBoxLabelIsNotReadOutAndMarksAnAside() {
    String safety = "EYE SAFETY—Looking at the Sun directly can cause permanent eye damage.";
    assertThat(LessonText.readable(safety, 9)).containsExactly("Looking at the Sun directly can cause permanent eye damage.");
    assertThat(LessonText.aside(safety)).isTrue();
    assertThat(LessonText.aside("DNA carries the genetic code of a cell.")).isFalse();
  }
}
