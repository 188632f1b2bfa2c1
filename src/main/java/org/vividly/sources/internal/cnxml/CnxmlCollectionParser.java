package org.vividly.sources.internal.cnxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vividly.sources.SkippedFile;
import org.vividly.sources.internal.Block;
import org.vividly.sources.internal.BlockSink;
import org.vividly.sources.internal.Blocks;
import org.vividly.sources.internal.ParsedSection;
import org.vividly.sources.internal.ParsedSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an OpenStax book in CNXML: the collection file ({@code collections/*.collection.xml})
 * gives the book title and the unit and chapter titles ({@code col:subcollection/md:title}) and
 * orders the modules; each module ({@code modules/mXXXXX/index.cnxml}) is one section.
 *
 * <p>A module that is missing, unreadable, not well-formed, or that points outside the book folder
 * is skipped with its reason; the rest of the book is still read.
 */
public final class CnxmlCollectionParser {

  private final long maxModuleBytes;

  public CnxmlCollectionParser(long maxModuleBytes) {
    this.maxModuleBytes = maxModuleBytes;
  }

  /** Whether a folder holds an OpenStax CNXML book. */
  public static List<Path> collections(Path root) throws IOException {
    Path dir = root.resolve("collections");
    if (!Files.isDirectory(dir)) return List.of();
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".collection.xml")).sorted().toList();
    }
  }

  public ParsedSource parse(Path root, Path collectionFile) throws IOException, SAXException {
    Document collection = SafeXml.parse(collectionFile);
    Element top = collection.getDocumentElement();
    Element metadata = Blocks.first(top, "metadata");
    String title = text(Blocks.first(metadata, "title"), collectionFile.getFileName().toString());
    String uuid = text(Blocks.first(metadata, "uuid"), null);
    String slug = text(Blocks.first(metadata, "slug"), collectionFile.getFileName().toString().replace(".collection.xml", ""));
    List<ParsedSection> sections = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    Path modules = root.resolve("modules").toAbsolutePath().normalize();
    walk(Blocks.first(top, "content"), List.of(title), modules, root, sections, skipped, new HashSet<>());
    String key = "cnxml:" + (uuid != null ? uuid : slug);
    return new ParsedSource(key, title, "cnxml", root.relativize(collectionFile).toString(), sections, skipped);
  }

  private void walk(Element content, List<String> path, Path modules, Path root, List<ParsedSection> sections, List<SkippedFile> skipped, Set<String> seen) {
    if (content == null) return;
    for (Node n = content.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) continue;
      switch (CnxmlModuleParser.name(e)) {
        case "subcollection" -> {
          List<String> sub = new ArrayList<>(path);
          sub.add(text(Blocks.first(e, "title"), "Untitled"));
          walk(Blocks.first(e, "content"), sub, modules, root, sections, skipped, seen);
        }
        case "module" -> {
          String document = e.getAttribute("document");
          if (seen.add(document)) module(document, path, modules, root, sections, skipped);
        }
        default -> {}
      }
    }
  }

  private void module(String document, List<String> path, Path modules, Path root, List<ParsedSection> sections, List<SkippedFile> skipped) {
    Path file = modules.resolve(document).resolve("index.cnxml").normalize();
    String shown = "modules/" + document + "/index.cnxml";
    if (document.isBlank() || !file.startsWith(modules)) {
      skipped.add(new SkippedFile(shown, "the module path escapes the book folder"));
      return;
    }
    try {
      if (!Files.isRegularFile(file)) {
        skipped.add(new SkippedFile(shown, "the module file is missing"));
        return;
      }
      long size = Files.size(file);
      if (size == 0) {
        skipped.add(new SkippedFile(shown, "the file is empty"));
        return;
      }
      if (size > maxModuleBytes) {
        skipped.add(new SkippedFile(shown, "the file is " + size / (1 << 20) + " MB, over the " + maxModuleBytes / (1 << 20) + " MB limit"));
        return;
      }
      Document doc = SafeXml.parse(file);
      Element root0 = doc.getDocumentElement();
      String title = CnxmlModuleParser.inline(Blocks.first(root0, "title"));
      if (title.isEmpty()) title = document;
      List<Block> blocks = new ArrayList<>();
      Element content = Blocks.first(root0, "content");
      Element metadata = Blocks.first(root0, "metadata");
      if (metadata != null) CnxmlModuleParser.abstractOf(metadata, BlockSink.into(blocks));
      if (content != null) CnxmlModuleParser.parse(content, BlockSink.into(blocks));
      // The glossary is a sibling of <content>; parse it as if it were inside.
      Element glossary = Blocks.first(root0, "glossary");
      if (glossary != null) {
        Element holder = doc.createElementNS(glossary.getNamespaceURI(), "content");
        holder.appendChild(glossary.cloneNode(true));
        CnxmlModuleParser.parse(holder, BlockSink.into(blocks));
      }
      if (blocks.isEmpty()) {
        skipped.add(new SkippedFile(shown, "the module has no text"));
        return;
      }
      List<String> headingPath = new ArrayList<>(path);
      headingPath.add(title);
      sections.add(new ParsedSection(document, title, headingPath, blocks));
    } catch (SAXException e) {
      skipped.add(new SkippedFile(shown, "broken XML: " + e.getMessage()));
    } catch (IOException e) {
      skipped.add(new SkippedFile(shown, "cannot read the file: " + e.getMessage()));
    }
  }

  private static String text(Element e, String fallback) {
    if (e == null) return fallback;
    String t = MathMlText.normalize(e.getTextContent());
    return t.isEmpty() ? fallback : t;
  }
}
