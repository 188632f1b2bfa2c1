package org.vividly.sources.internal.cnxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vividly.sources.internal.Block;
import org.vividly.sources.internal.BlockKind;
import org.vividly.sources.internal.ParsedSection;
import org.vividly.sources.internal.ParsedSource;
import org.vividly.support.CnxmlBook;

class CnxmlCollectionParserTests {

  @TempDir Path dir;

  private ParsedSource parse(CnxmlBook book) throws Exception {
    Path root = book.writeTo(dir);
    return new CnxmlCollectionParser(1 << 20).parse(root, CnxmlCollectionParser.collections(root).getFirst());
  }

  @Test
  void takesBookAndChapterTitlesFromTheCollection() throws Exception {
    ParsedSource book = parse(CnxmlBook.sample());
    assertThat(book.title()).isEqualTo("Test Physics");
    assertThat(book.sections()).extracting(ParsedSection::headingPath)
        .containsExactly(
            java.util.List.of("Test Physics", "Motion", "Speed"),
            java.util.List.of("Test Physics", "Motion", "Acceleration"),
            java.util.List.of("Test Physics", "Forces", "Newton's First Law"));
  }

  @Test
  void readsEveryKindOfBlockWithItsSubsection() throws Exception {
    ParsedSection speed = parse(CnxmlBook.sample()).sections().getFirst();
    assertThat(speed.blocks()).extracting(Block::kind).contains(BlockKind.PARAGRAPH, BlockKind.EQUATION, BlockKind.LIST, BlockKind.EXAMPLE, BlockKind.TEACHER_NOTE, BlockKind.FIGURE, BlockKind.EXERCISE);
    Block equation = speed.blocks().stream().filter(b -> b.kind() == BlockKind.EQUATION).findFirst().orElseThrow();
    assertThat(equation.text()).isEqualTo("v_(avg) = d / t");
    Block list = speed.blocks().stream().filter(b -> b.kind() == BlockKind.LIST).findFirst().orElseThrow();
    assertThat(list.subsection()).containsExactly("Velocity");
    assertThat(list.text()).contains("• Velocity is a vector.");
    Block figure = speed.blocks().stream().filter(b -> b.kind() == BlockKind.FIGURE).findFirst().orElseThrow();
    assertThat(figure.text()).isEqualTo("Figure: A car moving at constant speed.");
  }

  @Test
  void keepsExercisesWithTheirSolutions() throws Exception {
    ParsedSection speed = parse(CnxmlBook.sample()).sections().getFirst();
    Block example = speed.blocks().stream().filter(b -> b.kind() == BlockKind.EXAMPLE).findFirst().orElseThrow();
    assertThat(example.text()).startsWith("Average speed of a marble:").contains("A marble rolls 5.2 m in 1.8 s.").contains("\nSolution: The average speed is 5.2 m divided by 1.8 s");
    Block exercise = speed.blocks().stream().filter(b -> b.kind() == BlockKind.EXERCISE).findFirst().orElseThrow();
    assertThat(exercise.text()).isEqualTo("A runner covers 100 m in 10 s. What is the runner's average speed?\nSolution: 10 m/s");
    assertThat(exercise.subsection()).containsExactly("Practice Problems");
  }

  @Test
  void turnsSuperscriptsIntoReadableUnits() throws Exception {
    ParsedSection acceleration = parse(CnxmlBook.sample()).sections().get(1);
    assertThat(acceleration.blocks().getFirst().text()).endsWith("9.8 m/s².");
  }

  @Test
  void skipsBrokenMissingAndEscapingModulesButReadsTheRest() throws Exception {
    CnxmlBook book = CnxmlBook.sample().chapter("Broken", "m9", "m8", "../../etc");
    book.rawModule("m9", "<document><content><para>unclosed</content>");
    ParsedSource parsed = parse(book);
    assertThat(parsed.sections()).hasSize(3);
    assertThat(parsed.skipped()).anySatisfy(s -> {
      assertThat(s.file()).isEqualTo("modules/m9/index.cnxml");
      assertThat(s.reason()).startsWith("broken XML");
    });
    assertThat(parsed.skipped()).anySatisfy(s -> assertThat(s.reason()).isEqualTo("the module file is missing"));
    assertThat(parsed.skipped()).anySatisfy(s -> assertThat(s.reason()).isEqualTo("the module path escapes the book folder"));
  }

  @org.junit.jupiter.api.Test
  void teacherSupportNestedInTheBooksBoxesBecomesTeacherNotesOnTheRealBook() throws Exception {
    java.nio.file.Path root = org.vividly.support.SharedData.require("openstax/physics-hs");
    ParsedSource book = new CnxmlCollectionParser(1 << 24).parse(root, CnxmlCollectionParser.collections(root).getFirst());
    assertThat(book.sections()).hasSize(100);
    List<Block> blocks = book.sections().stream().flatMap(s -> s.blocks().stream()).toList();
    assertThat(blocks.stream().filter(b -> b.kind() != BlockKind.TEACHER_NOTE && b.text().contains("Teacher Support")).map(b -> b.kind() + ": " + b.text().substring(0, Math.min(300, b.text().length()))).toList()).isEmpty();
    assertThat(blocks).filteredOn(b -> b.kind() == BlockKind.TEACHER_NOTE).hasSizeGreaterThan(100);
  }

  @Test
  void anEmptyCrossReferenceIsNamedByWhatItPointsAt() throws Exception {
    CnxmlBook book = new CnxmlBook().chapter("Motion", "m1").module("m1", "Velocity",
        "<para id=\"p1\">In <link target-id=\"fig1\"/>, we have velocity on the y-axis. See <link target-id=\"tab1\"/> and <link target-id=\"sec9\"/>.</para>"
            + "<figure id=\"fig1\"><media id=\"m\" alt=\"graph\"><image src=\"g.png\" mime-type=\"image/png\"/></media><caption>A graph</caption></figure>"
            + "<table id=\"tab1\" summary=\"t\"><tgroup cols=\"1\"><tbody><row><entry>1</entry></row></tbody></tgroup></table>");
    Block para = parse(book).sections().getFirst().blocks().stream().filter(b -> b.kind() == BlockKind.PARAGRAPH).findFirst().orElseThrow();
    assertThat(para.text()).isEqualTo("In the figure, we have velocity on the y-axis. See the table and the section.");
  }

  @Test
  void learningObjectivesComeFromTheirNoteOrTheModulesAbstract() throws Exception {
    CnxmlBook book = new CnxmlBook().chapter("Light", "m1", "m2")
        .module("m1", "Refraction",
            "<note id=\"lo\" class=\"learning-objectives\"><title>Section Learning Objectives</title><para id=\"p0\">By the end of this section, you will be able to do the following:</para>"
                + "<list id=\"l1\"><item>Explain why light bends at a surface</item></list></note><para id=\"p1\">Light bends when it enters water.</para>")
        .rawModule("m2", "<document xmlns=\"http://cnx.rice.edu/cnxml\" xmlns:md=\"http://cnx.rice.edu/mdml\"><title>Lenses</title><metadata><md:title>Lenses</md:title>"
            + "<md:abstract><para id=\"a1\">By the end of this section, you will be able to:</para><list id=\"a2\"><item>Describe how a lens forms an image</item></list></md:abstract></metadata>"
            + "<content><para id=\"p2\">A lens bends light to form an image.</para></content></document>");
    List<ParsedSection> sections = parse(book).sections();
    for (ParsedSection section : sections) {
      List<Block> objectives = section.blocks().stream().filter(b -> b.kind() == BlockKind.OBJECTIVES).toList();
      assertThat(objectives).as(section.title()).hasSize(1);
      assertThat(section.blocks()).filteredOn(b -> b.kind() == BlockKind.PARAGRAPH).extracting(Block::text).noneMatch(t -> t.contains("By the end"));
    }
    assertThat(sections.get(0).blocks().getFirst().text()).contains("Explain why light bends at a surface");
    assertThat(sections.get(1).blocks().getFirst().text()).startsWith("Learning Objectives:").contains("Describe how a lens forms an image");
  }
}
