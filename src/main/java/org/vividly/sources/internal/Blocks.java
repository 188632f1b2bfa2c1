package org.vividly.sources.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Small DOM helpers that match elements by local name, whatever their namespace. */
public final class Blocks {

  private Blocks() {}

  public static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) out.add(e);
    }
    return out;
  }

  public static Element first(Element parent, String name) {
    if (parent == null) return null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) return e;
    }
    return null;
  }

  public static List<Element> descendants(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS("*", name);
    List<Element> out = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
    return out;
  }

  public static boolean hasElementChildren(Element parent, String... names) {
    Set<String> wanted = Set.of(names);
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && wanted.contains(localName(e))) return true;
    }
    return false;
  }

  static String localName(Element e) {
    return e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
  }
}
