package org.vividly.sources.internal.cnxml;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns Presentation MathML into readable linear text: {@code v_avg = Δd / Δt},
 * {@code 9.80 m/s²}. Fractions become {@code a / b} (parenthesized when compound), scripts use
 * Unicode super- and subscripts where they exist, roots become {@code √(x)}.
 */
final class MathMlText {

  private MathMlText() {}

  static String of(Element math) {
    return normalize(render(math));
  }

  private static String render(Node node) {
    if (node.getNodeType() == Node.TEXT_NODE) return node.getTextContent().strip();
    if (!(node instanceof Element e)) return "";
    String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
    return switch (name) {
      case "mi", "mn", "ms" -> e.getTextContent().strip();
      // mtext keeps its outer spaces: "<mn>9.80</mn><mtext> m/s</mtext>" is "9.80 m/s"
      case "mtext" -> e.getTextContent().replaceAll("\\s+", " ");
      case "mo" -> operator(e.getTextContent().strip());
      case "mspace" -> " ";
      case "mfrac" -> fraction(child(e, 0), child(e, 1));
      case "msup" -> render(child(e, 0)) + superscript(render(child(e, 1)));
      case "msub" -> render(child(e, 0)) + subscript(render(child(e, 1)));
      case "msubsup" -> render(child(e, 0)) + subscript(render(child(e, 1))) + superscript(render(child(e, 2)));
      case "msqrt" -> "√(" + children(e) + ")";
      case "mroot" -> "root " + render(child(e, 1)) + " of (" + render(child(e, 0)) + ")";
      case "mover", "munder", "munderover" -> render(child(e, 0));
      case "mtable" -> rows(e);
      case "mfenced" -> "(" + children(e) + ")";
      case "annotation", "annotation-xml", "mprescripts", "none" -> "";
      default -> children(e);
    };
  }

  private static String operator(String op) {
    return switch (op) {
      case "=", "+", "−", "-", "×", "·", "≈", "<", ">", "≤", "≥", "→", "⇌", "÷", "±" -> " " + op + " ";
      case "," -> ", ";
      default -> op;
    };
  }

  private static String fraction(Node numerator, Node denominator) {
    return group(render(numerator)) + " / " + group(render(denominator));
  }

  private static String group(String s) {
    String t = normalize(s);
    return t.matches("[\\p{L}\\p{N}.²³⁰¹⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉Δ_]+") ? t : "(" + t + ")";
  }

  private static String superscript(String s) {
    return Scripts.superscript(normalize(s));
  }

  private static String subscript(String s) {
    return Scripts.subscript(normalize(s));
  }

  private static String rows(Element table) {
    StringBuilder out = new StringBuilder();
    for (Node row = table.getFirstChild(); row != null; row = row.getNextSibling()) {
      if (row instanceof Element) {
        String r = normalize(render(row));
        if (!r.isEmpty()) out.append(out.isEmpty() ? "" : "; ").append(r);
      }
    }
    return out.toString();
  }

  private static String children(Element e) {
    StringBuilder out = new StringBuilder();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) out.append(render(c));
    return out.toString();
  }

  private static Node child(Element e, int index) {
    int i = 0;
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element) {
        if (i++ == index) return c;
      }
    }
    return e.getOwnerDocument().createTextNode("");
  }

  static String normalize(String s) {
    return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").replaceAll(" ([,.;)])", "$1").replaceAll("\\( ", "(").strip();
  }
}
