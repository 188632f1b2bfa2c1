package org.vividly.sources.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits an HTML document into sections at its {@code h1}-{@code h3} headings ({@code h4}-{@code h6}
 * become subsections), and each section into paragraph, list, table and figure blocks. Used for
 * HTML, Markdown (rendered to HTML), EPUB and PDF (Tika's XHTML, where each page is a
 * {@code div.page}).
 */
final class HtmlSectioner {

  private final String documentTitle;
  private final List<ParsedSection> sections = new ArrayList<>();
  private final String[] headings = new String[3];
  private List<String> subsection = List.of();
  private List<Block> blocks = new ArrayList<>();
  private String sectionTitle;
  private String sectionKey;
  private final boolean pagesAreSections;
  private int pages;

  private HtmlSectioner(String documentTitle, boolean pagesAreSections) {
    this.documentTitle = documentTitle;
    this.sectionTitle = documentTitle;
    this.sectionKey = "start";
    this.pagesAreSections = pagesAreSections;
  }

  static List<ParsedSection> sections(Element body, String documentTitle, boolean pagesAreSections) {
    HtmlSectioner s = new HtmlSectioner(documentTitle, pagesAreSections);
    s.walk(body);
    s.flush();
    return s.sections;
  }

  private void walk(Element container) {
    for (Node node : container.childNodes()) {
      if (node instanceof TextNode t && !t.isBlank()) {
        add(BlockKind.PARAGRAPH, t.text(), null);
      } else if (node instanceof Element e) {
        element(e);
      }
    }
  }

  private void element(Element e) {
    String tag = e.normalName();
    String id = e.id().isEmpty() ? null : e.id();
    switch (tag) {
      case "h1", "h2", "h3" -> heading(tag.charAt(1) - '1', e.text());
      case "h4", "h5", "h6" -> subsection = e.text().isBlank() ? List.of() : List.of(e.text().strip());
      case "p", "pre", "blockquote", "dd", "dt", "address" -> add(BlockKind.PARAGRAPH, tag.equals("pre") ? e.wholeText() : e.text(), id);
      case "ul", "ol", "dl" -> add(BlockKind.LIST, listText(e), id);
      case "table" -> add(BlockKind.TABLE, tableText(e), id);
      case "figcaption" -> add(BlockKind.FIGURE, "Figure: " + e.text(), id);
      case "script", "style", "nav", "header", "footer", "noscript", "svg", "img", "head", "title", "meta", "button", "form" -> {}
      case "div" -> {
        if (pagesAreSections && e.hasClass("page")) {
          pages++;
          flush();
          sectionKey = "page-" + pages;
          sectionTitle = "Page " + pages;
        }
        walk(e);
      }
      default -> {
        if (e.children().stream().anyMatch(Element::isBlock)) walk(e);
        else if (e.isBlock()) add(BlockKind.PARAGRAPH, e.text(), id);
        else walk(e);
      }
    }
  }

  private void heading(int level, String text) {
    flush();
    String title = text.strip();
    if (title.isEmpty()) return;
    headings[level] = title;
    for (int i = level + 1; i < headings.length; i++) headings[i] = null;
    sectionTitle = title;
    sectionKey = slug(String.join("/", path().subList(1, path().size())));
    subsection = List.of();
  }

  private List<String> path() {
    List<String> path = new ArrayList<>();
    path.add(documentTitle);
    for (int i = 0; i < headings.length; i++) {
      // A top heading that repeats the document title (Markdown's "# Title") is not a level of its own.
      if (headings[i] != null && !(i == 0 && headings[i].equals(documentTitle))) path.add(headings[i]);
    }
    if (pagesAreSections && pages > 0) path.add(sectionTitle);
    if (path.size() == 1 && !sectionTitle.equals(documentTitle)) path.add(sectionTitle);
    return path;
  }

  private void add(BlockKind kind, String text, String anchor) {
    if (text == null || text.isBlank()) return;
    blocks.add(new Block(kind, text.replace('\u00a0', ' '), subsection, anchor));
  }

  private void flush() {
    if (blocks.isEmpty()) return;
    String key = sectionKey;
    int n = 2;
    while (keyTaken(key)) key = sectionKey + "-" + n++;
    sections.add(new ParsedSection(key, sectionTitle, path(), blocks));
    blocks = new ArrayList<>();
  }

  private boolean keyTaken(String key) {
    return sections.stream().anyMatch(s -> s.key().equals(key));
  }

  private static String listText(Element list) {
    StringBuilder out = new StringBuilder();
    for (Element item : list.children()) {
      if (item.normalName().equals("li") || item.normalName().equals("dt") || item.normalName().equals("dd")) {
        out.append("• ").append(item.text().strip()).append('\n');
      }
    }
    return out.toString().strip();
  }

  private static String tableText(Element table) {
    StringBuilder out = new StringBuilder();
    for (Element caption : table.select("caption")) out.append(caption.text()).append('\n');
    for (Element row : table.select("tr")) {
      List<String> cells = row.select("th, td").eachText();
      if (!cells.isEmpty()) out.append(String.join(" | ", cells)).append('\n');
    }
    return out.toString().strip();
  }

  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.isEmpty() ? "start" : s.length() > 120 ? s.substring(0, 120) : s;
  }
}
