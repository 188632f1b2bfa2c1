package org.vividly.sources.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.xml.sax.SAXException;

/**
 * Parses single documents: HTML (jsoup), Markdown (commonmark, then as HTML), plain text, and PDF
 * and EPUB through Apache Tika's XHTML output. Sections follow the document's headings; a PDF
 * without headings gets one section per page.
 */
final class DocumentParser {

  /** File formats by extension. */
  static Optional<String> formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return Optional.ofNullable(
        switch (ext) {
          case "pdf" -> "pdf";
          case "epub" -> "epub";
          case "html", "htm", "xhtml" -> "html";
          case "md", "markdown" -> "markdown";
          case "txt", "text" -> "text";
          case "vtt" -> "webvtt";
          case "srt" -> "srt";
          default -> null;
        });
  }

  static final String SUPPORTED = "CNXML collections, PDF, EPUB, HTML, Markdown, plain text (.txt) and lecture transcripts (WebVTT .vtt, SubRip .srt)";

  private final AutoDetectParser tika = new AutoDetectParser();

  ParsedSource parse(Path file, String relativeName, String format) throws IOException, ParseFailed {
    String fallbackTitle = stripExtension(file.getFileName().toString());
    Document html;
    boolean pages = false;
    String title;
    switch (format) {
      case "html" -> {
        html = Jsoup.parse(file.toFile(), null);
        title = firstNonBlank(html.title(), html.selectFirst("h1") == null ? null : html.selectFirst("h1").text(), fallbackTitle);
      }
      case "markdown" -> {
        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        html = Jsoup.parse(HtmlRenderer.builder().escapeHtml(true).build().render(Parser.builder().build().parse(markdown)));
        title = firstNonBlank(html.selectFirst("h1") == null ? null : html.selectFirst("h1").text(), fallbackTitle);
      }
      case "text" -> {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder body = new StringBuilder();
        for (String para : text.split("\\R\\s*\\R")) {
          if (!para.isBlank()) body.append("<p>").append(org.jsoup.nodes.Entities.escape(para.strip())).append("</p>");
        }
        html = Jsoup.parse(body.toString());
        title = fallbackTitle;
      }
      case "pdf", "epub" -> {
        requireContentType(file, format);
        Metadata metadata = new Metadata();
        ToXMLContentHandler handler = new ToXMLContentHandler();
        try (InputStream in = Files.newInputStream(file)) {
          tika.parse(in, handler, metadata, new ParseContext());
        } catch (TikaException | SAXException | RuntimeException e) {
          throw new ParseFailed("cannot parse the " + format.toUpperCase(Locale.ROOT) + " file: " + rootMessage(e));
        }
        html = Jsoup.parse(handler.toString());
        title = firstNonBlank(metadata.get(TikaCoreProperties.TITLE), fallbackTitle);
        pages = format.equals("pdf") && html.select("h1, h2, h3").isEmpty();
      }
      default -> throw new ParseFailed("unknown format " + format);
    }
    List<ParsedSection> sections = HtmlSectioner.sections(html.body(), title, pages);
    if (sections.isEmpty()) throw new ParseFailed("the document has no text");
    return new ParsedSource("file:" + relativeName, title, format, relativeName, sections, new ArrayList<>());
  }

  /** A file named .pdf must be a PDF: otherwise Tika would happily read, say, plain text. */
  private void requireContentType(Path file, String format) throws IOException, ParseFailed {
    String expected = format.equals("pdf") ? "application/pdf" : "application/epub+zip";
    MediaType detected;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      detected = tika.getDetector().detect(in, new Metadata());
    }
    if (!detected.getBaseType().toString().equals(expected)) {
      throw new ParseFailed("cannot parse the " + format.toUpperCase(Locale.ROOT) + " file: its content is not " + format.toUpperCase(Locale.ROOT) + " (it looks like " + detected.getBaseType() + ")");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v.strip();
    return "Untitled";
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** The document could not be parsed; the message says why in words a user understands. */
  static final class ParseFailed extends Exception {
    ParseFailed(String message) {
      super(message);
    }
  }
}
