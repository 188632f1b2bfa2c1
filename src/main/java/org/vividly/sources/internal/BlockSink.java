package org.vividly.sources.internal;

import java.util.List;
import java.util.function.BiConsumer;

/** Receives the blocks a parser finds, in document order. Empty texts are dropped. */
public final class BlockSink {

  private final BiConsumer<BlockKind, Block> consumer;

  private BlockSink(BiConsumer<BlockKind, Block> consumer) {
    this.consumer = consumer;
  }

  /** A sink that appends blocks to a list. */
  public static BlockSink into(List<Block> blocks) {
    return new BlockSink((kind, block) -> blocks.add(block));
  }

  /** A sink that only wants kinds and texts (for flattening compound elements). */
  public static BlockSink collecting(BiConsumer<BlockKind, String> texts) {
    return new BlockSink((kind, block) -> texts.accept(kind, block.text()));
  }

  private void add(BlockKind kind, String text, List<String> subsection, String anchor) {
    if (text == null || text.isBlank()) return;
    consumer.accept(kind, new Block(kind, text, subsection, anchor == null || anchor.isEmpty() ? null : anchor));
  }

  public void paragraph(String text, List<String> subsection, String anchor) {
    add(BlockKind.PARAGRAPH, text, subsection, anchor);
  }

  public void list(String text, List<String> subsection, String anchor) {
    add(BlockKind.LIST, text, subsection, anchor);
  }

  public void table(String text, List<String> subsection, String anchor) {
    add(BlockKind.TABLE, text, subsection, anchor);
  }

  public void figure(String text, List<String> subsection, String anchor) {
    add(BlockKind.FIGURE, text, subsection, anchor);
  }

  public void equation(String text, List<String> subsection, String anchor) {
    add(BlockKind.EQUATION, text, subsection, anchor);
  }

  public void note(String text, List<String> subsection, String anchor) {
    add(BlockKind.NOTE, text, subsection, anchor);
  }

  public void objectives(String text, List<String> subsection, String anchor) {
    add(BlockKind.OBJECTIVES, text, subsection, anchor);
  }

  public void teacherNote(String text, List<String> subsection, String anchor) {
    add(BlockKind.TEACHER_NOTE, text, subsection, anchor);
  }

  public void example(String text, List<String> subsection, String anchor) {
    add(BlockKind.EXAMPLE, text, subsection, anchor);
  }

  public void exercise(String text, List<String> subsection, String anchor) {
    add(BlockKind.EXERCISE, text, subsection, anchor);
  }

  public void definition(String text, List<String> subsection, String anchor) {
    add(BlockKind.DEFINITION, text, subsection, anchor);
  }
}
