package org.vividly.notifications.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text part of an HTML email (RFC 2046 {@code multipart/alternative}): paragraphs become
 * blank-line separated, list items start with "- ", and a link is written as its text followed by
 * its address in angle brackets, so a reader without HTML can still follow it.
 */
public final class PlainText {

  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote", "section", "header", "footer");

  private PlainText() {}

  /** The text of an HTML document, wrapped by the reader's mail program (no hard line breaks inside paragraphs). */
  public static String of(String html) {
    Document doc = Jsoup.parse(html);
    StringBuilder out = new StringBuilder();
    doc.body().traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          String words = text.text();
          if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') words = words.stripLeading();
          out.append(words);
        } else if (node instanceof Element e) {
          String tag = e.normalName();
          if (BLOCKS.contains(tag)) paragraph(out);
          else if (tag.equals("li")) {
            line(out);
            out.append("- ");
          } else if (tag.equals("br")) line(out);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e) {
          String tag = e.normalName();
          if (tag.equals("a") && isLink(e.attr("abs:href").isEmpty() ? e.attr("href") : e.attr("abs:href"))) {
            String href = e.attr("href");
            if (!e.text().strip().equals(href)) out.append(" <").append(href).append('>');
          } else if (BLOCKS.contains(tag)) paragraph(out);
        }
      }
    });
    return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
  }

  /** The absolute http(s) links of an HTML document, in order, each once. */
  public static List<String> links(String html) {
    Set<String> links = new LinkedHashSet<>();
    for (Element a : Jsoup.parse(html).select("a[href]")) {
      String href = a.attr("href").strip();
      if (isLink(href)) links.add(href);
    }
    return List.copyOf(links);
  }

  private static boolean isLink(String href) {
    String lower = href.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private static void line(StringBuilder out) {
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') out.append('\n');
  }

  private static void paragraph(StringBuilder out) {
    if (out.isEmpty()) return;
    line(out);
    if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') out.append('\n');
  }
}
