package org.vividly.sources.internal.cnxml;

import java.util.ArrayList;
import java.util.List;
import org.vividly.sources.internal.Blocks;
import org.vividly.sources.internal.BlockSink;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads one CNXML module ({@code index.cnxml}) into blocks: paragraphs, lists, tables, figure
 * captions, equations, notes, worked examples, exercises with their solutions and glossary
 * definitions. Nested {@code <section>} titles become the blocks' subsection path.
 */
final class CnxmlModuleParser {

  private final BlockSink out;

  private CnxmlModuleParser(BlockSink out) {
    this.out = out;
  }

  static void parse(Element content, BlockSink out) {
    new CnxmlModuleParser(out).walk(content, List.of());
  }

  /**
   * The learning objectives some books keep in the module's metadata ({@code md:abstract}, as
   * Chemistry 2e does) instead of a note in the content.
   */
  static void abstractOf(Element metadata, BlockSink out) {
    Element summary = Blocks.first(metadata, "abstract");
    if (summary == null) return;
    String text = new CnxmlModuleParser(out).flatten(summary, "Learning Objectives", List.of());
    if (!text.isEmpty()) out.objectives(text, List.of(), summary.getAttribute("id"));
  }

  private void walk(Element container, List<String> subsection) {
    for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) block(e, subsection);
    }
  }

  private void block(Element e, List<String> subsection) {
    String id = e.getAttribute("id").isEmpty() ? null : e.getAttribute("id");
    switch (name(e)) {
      case "para" -> out.paragraph(inline(e), subsection, id);
      case "list" -> out.list(listText(e, ""), subsection, id);
      case "table" -> out.table(tableText(e), subsection, id);
      case "figure" -> {
        String caption = captionOf(e);
        if (!caption.isEmpty()) out.figure("Figure: " + caption, subsection, id);
      }
      case "equation" -> out.equation(inline(e), subsection, id);
      case "note" -> note(e, subsection, id);
      case "exercise" -> {
        String text = exerciseText(e);
        if (!text.isEmpty()) out.exercise(text, subsection, id);
      }
      case "glossary" -> {
        for (Element definition : Blocks.children(e, "definition")) {
          String term = inline(Blocks.first(definition, "term"));
          String meaning = inline(Blocks.first(definition, "meaning"));
          if (!term.isEmpty() && !meaning.isEmpty()) out.definition(term + ": " + meaning, List.of("Glossary"), definition.getAttribute("id"));
        }
      }
      case "section" -> {
        Element title = Blocks.first(e, "title");
        List<String> path = new ArrayList<>(subsection);
        if (title != null && !inline(title).isEmpty()) path.add(inline(title));
        walk(e, path);
      }
      case "title", "label", "media", "image", "metadata", "newline", "commentary" -> {}
      default -> {
        if (Blocks.hasElementChildren(e, "para", "list", "section", "exercise", "note")) walk(e, subsection);
        else out.paragraph(inline(e), subsection, id);
      }
    }
  }

  private void note(Element note, List<String> subsection, String id) {
    String cls = note.getAttribute("class");
    String title = inline(Blocks.first(note, "title"));
    if (cls.contains("os-teacher") || title.toLowerCase(java.util.Locale.ROOT).startsWith("teacher support")) {
      out.teacherNote(flatten(note, title, subsection), subsection, id);
    } else if (cls.contains("learning-objectives")) {
      out.objectives(flatten(note, title, subsection), subsection, id);
    } else if (cls.contains("worked-example")) {
      out.example(flatten(note, title, subsection), subsection, id);
    } else {
      List<Element> exercises = Blocks.descendants(note, "exercise");
      String text = flattenExcept(note, title, "exercise", subsection);
      if (!text.isEmpty()) out.note(text, subsection, id);
      for (Element exercise : exercises) block(exercise, subsection);
    }
  }

  private String flatten(Element container, String title, List<String> subsection) {
    return flattenExcept(container, title, null, subsection);
  }

  /**
   * The text of a container's blocks, one per line. A teacher-support note inside it (OpenStax nests
   * them in worked examples and boxes) is not part of that text: it becomes a teacher note of its
   * own, so it never reaches a student with the box around it.
   */
  private String flattenExcept(Element container, String title, String skipped, List<String> subsection) {
    List<String> parts = new ArrayList<>();
    if (!title.isEmpty()) parts.add(title + ":");
    BlockSink collector = BlockSink.collecting((kind, text) -> {
      if (kind == org.vividly.sources.internal.BlockKind.TEACHER_NOTE) out.teacherNote(text, subsection, null);
      else parts.add(text);
    });
    CnxmlModuleParser inner = new CnxmlModuleParser(collector);
    for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && !name(e).equals(skipped)) inner.block(e, List.of());
    }
    return parts.size() == (title.isEmpty() ? 0 : 1) ? "" : String.join("\n", parts);
  }

  private String exerciseText(Element exercise) {
    Element problem = Blocks.first(exercise, "problem");
    String problemText = problem == null ? "" : flatten(problem, "", List.of());
    if (problemText.isBlank()) return "";
    StringBuilder text = new StringBuilder(problemText);
    for (Element solution : Blocks.children(exercise, "solution")) {
      String s = flattenExcept(solution, "", "title", List.of());
      if (!s.isBlank()) text.append("\nSolution: ").append(s);
    }
    for (Element commentary : Blocks.children(exercise, "commentary")) {
      String c = flattenExcept(commentary, "", "title", List.of());
      if (!c.isBlank()) text.append("\nDiscussion: ").append(c);
    }
    return text.toString();
  }

  private static String listText(Element list, String indent) {
    StringBuilder text = new StringBuilder();
    Element title = Blocks.first(list, "title");
    if (title != null) text.append(inline(title)).append(":\n");
    for (Element item : Blocks.children(list, "item")) {
      StringBuilder itemText = new StringBuilder();
      List<Element> nested = Blocks.children(item, "list");
      itemText.append(inlineExcept(item, "list"));
      text.append(indent).append("• ").append(itemText.toString().strip()).append('\n');
      for (Element sub : nested) text.append(listText(sub, indent + "  "));
    }
    return text.toString().stripTrailing();
  }

  private static String tableText(Element table) {
    StringBuilder text = new StringBuilder();
    String caption = captionOf(table);
    Element title = Blocks.first(table, "title");
    if (title != null) text.append(inline(title)).append('\n');
    if (!caption.isEmpty()) text.append(caption).append('\n');
    for (Element row : Blocks.descendants(table, "row")) {
      List<String> cells = new ArrayList<>();
      for (Element entry : Blocks.children(row, "entry")) cells.add(inline(entry));
      if (cells.stream().anyMatch(c -> !c.isEmpty())) text.append(String.join(" | ", cells)).append('\n');
    }
    return text.toString().strip();
  }

  private static String captionOf(Element e) {
    Element caption = Blocks.first(e, "caption");
    return caption == null ? "" : inline(caption);
  }

  /** Text of an element with inline markup resolved: MathML to linear text, sub/sup to scripts. */
  static String inline(Element e) {
    return e == null ? "" : MathMlText.normalize(inlineRaw(e, null));
  }

  private static String inlineExcept(Element e, String skipped) {
    return MathMlText.normalize(inlineRaw(e, skipped));
  }

  private static String inlineRaw(Node node, String skipped) {
    StringBuilder out = new StringBuilder();
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        out.append(n.getTextContent());
      } else if (n instanceof Element e) {
        String name = name(e);
        if (name.equals(skipped)) continue;
        switch (name) {
          case "math" -> out.append(' ').append(MathMlText.of(e)).append(' ');
          case "sup" -> out.append(Scripts.superscript(MathMlText.normalize(inlineRaw(e, skipped))));
          case "sub" -> out.append(Scripts.subscript(MathMlText.normalize(inlineRaw(e, skipped))));
          case "newline", "space" -> out.append(' ');
          case "footnote", "label", "media", "image", "metadata" -> {}
          case "item" -> out.append(" • ").append(inlineRaw(e, skipped));
          case "para", "title", "list", "caption", "entry" -> out.append(' ').append(inlineRaw(e, skipped)).append(' ');
          case "link" -> {
            String text = inlineRaw(e, skipped);
            out.append(text.isBlank() && !e.getAttribute("target-id").isEmpty() ? reference(e) : text);
          }
          default -> out.append(inlineRaw(e, skipped));
        }
      }
    }
    return out.toString();
  }

  /**
   * What an empty cross-reference ({@code <link target-id="..."/>}, which OpenStax renders as
   * "Figure 2.3") points at, in words: "the figure", "the table", "the equation", "the example",
   * else "the section". Without it the sentence reads "In, we have..." with a hole in it.
   */
  private static String reference(Element link) {
    String target = link.getAttribute("target-id");
    String kind = "section";
    if (link.getAttribute("document").isEmpty()) {
      org.w3c.dom.NodeList all = link.getOwnerDocument().getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        if (all.item(i) instanceof Element candidate && target.equals(candidate.getAttribute("id"))) {
          kind = switch (name(candidate)) {
            case "figure", "media", "image" -> "figure";
            case "table" -> "table";
            case "equation" -> "equation";
            case "note" -> candidate.getAttribute("class").contains("worked-example") ? "example" : "box";
            case "exercise" -> "exercise";
            default -> "section";
          };
          break;
        }
      }
    }
    return "the " + kind;
  }

  static String name(Element e) {
    return e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
  }
}
