package org.vividly.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a small OpenStax-style CNXML book into a folder, for tests. */
public final class CnxmlBook {

  private final Map<String, String> chapters = new LinkedHashMap<>();
  private final Map<String, String> modules = new LinkedHashMap<>();
  private String title = "Test Physics";

  public CnxmlBook title(String title) {
    this.title = title;
    return this;
  }

  /** Adds a chapter holding the given module ids. */
  public CnxmlBook chapter(String chapterTitle, String... moduleIds) {
    StringBuilder content = new StringBuilder();
    for (String id : moduleIds) content.append("<col:module document=\"").append(id).append("\"/>");
    chapters.put(chapterTitle, content.toString());
    return this;
  }

  /** Adds a module whose {@code <content>} is the given CNXML. */
  public CnxmlBook module(String id, String moduleTitle, String content) {
    modules.put(id, "<document xmlns=\"http://cnx.rice.edu/cnxml\" xmlns:m=\"http://www.w3.org/1998/Math/MathML\"><title>" + moduleTitle + "</title><content>" + content + "</content></document>");
    return this;
  }

  /** Adds a module file with arbitrary (possibly broken) text. */
  public CnxmlBook rawModule(String id, String text) {
    modules.put(id, text);
    return this;
  }

  public Path writeTo(Path root) throws IOException {
    Files.createDirectories(root.resolve("collections"));
    StringBuilder col = new StringBuilder("<?xml version=\"1.0\"?><col:collection xmlns=\"http://cnx.rice.edu/collxml\" xmlns:md=\"http://cnx.rice.edu/mdml\" xmlns:col=\"http://cnx.rice.edu/collxml\">");
    col.append("<metadata><md:title>").append(title).append("</md:title><md:uuid>").append(title.hashCode()).append("</md:uuid></metadata><col:content>");
    chapters.forEach((t, c) -> col.append("<col:subcollection><md:title>").append(t).append("</md:title><col:content>").append(c).append("</col:content></col:subcollection>"));
    col.append("</col:content></col:collection>");
    Files.writeString(root.resolve("collections/test.collection.xml"), col);
    for (Map.Entry<String, String> m : modules.entrySet()) {
      Path dir = root.resolve("modules").resolve(m.getKey());
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("index.cnxml"), m.getValue());
    }
    return root;
  }

  /** A two-chapter book with a worked example, an exercise with a solution, a glossary and equations. */
  public static CnxmlBook sample() {
    return new CnxmlBook()
        .chapter("Motion", "m1", "m2")
        .chapter("Forces", "m3")
        .module("m1", "Speed", """
            <para id="p1">Speed is the rate at which an object changes its location. Like distance, speed is a scalar.</para>
            <equation id="e1"><m:math><m:mrow><m:msub><m:mi>v</m:mi><m:mtext>avg</m:mtext></m:msub><m:mo>=</m:mo><m:mfrac><m:mi>d</m:mi><m:mi>t</m:mi></m:mfrac></m:mrow></m:math></equation>
            <section id="s1"><title>Velocity</title><para id="p2">Velocity is speed in a given direction.</para>
              <list id="l1"><item>Velocity is a vector.</item><item>Speed is a scalar.</item></list></section>
            <note id="n1" class="worked-example"><title>Average speed of a marble</title>
              <exercise id="x1"><problem><para>A marble rolls 5.2 m in 1.8 s. What was its average speed?</para></problem>
              <solution><para>The average speed is 5.2 m divided by 1.8 s, which is 2.9 m/s.</para></solution></exercise></note>
            <note id="n2" class="os-teacher"><title>Teacher Support</title><para>Ask students about speed limits.</para></note>
            <figure id="f1"><media alt="a car"/><caption>A car moving at constant speed.</caption></figure>
            <section id="s2" class="problems"><title>Practice Problems</title>
              <exercise id="x2"><problem><para>A runner covers 100 m in 10 s. What is the runner's average speed?</para></problem>
              <solution><para>10 m/s</para></solution></exercise></section>
            """)
        .module("m2", "Acceleration", """
            <para id="p3">Acceleration is the rate of change of velocity. The acceleration due to gravity is 9.8 m/s<sup>2</sup>.</para>
            """)
        .module("m3", "Newton's First Law", """
            <para id="p4">An object at rest stays at rest unless a net external force acts on it. This tendency is called inertia.</para>
            """);
  }
}
