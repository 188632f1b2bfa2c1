package org.vividly.sources.internal.cnxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class MathMlTextTests {

  private static String render(String mathml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    String xml = "<m:math xmlns:m=\"http://www.w3.org/1998/Math/MathML\">" + mathml + "</m:math>";
    Element math = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    return MathMlText.of(math);
  }

  @Test
  void rendersFractionsWithUnitsAndSubscripts() throws Exception {
    String text = render("<m:mrow><m:msub><m:mi>v</m:mi><m:mtext>avg</m:mtext></m:msub><m:mo>=</m:mo><m:mfrac><m:mrow><m:mi>Δ</m:mi><m:mi>d</m:mi></m:mrow><m:mrow><m:mi>Δ</m:mi><m:mi>t</m:mi></m:mrow></m:mfrac></m:mrow>");
    assertThat(text).isEqualTo("v_(avg) = Δd / Δt");
  }

  @Test
  void usesUnicodeSuperscriptsForNumericExponents() throws Exception {
    assertThat(render("<m:mn>9.80</m:mn><m:mtext> m/s</m:mtext><m:msup><m:mi></m:mi><m:mn>2</m:mn></m:msup>")).isEqualTo("9.80 m/s²");
    assertThat(render("<m:msup><m:mn>10</m:mn><m:mrow><m:mo>−</m:mo><m:mn>3</m:mn></m:mrow></m:msup>")).isEqualTo("10⁻³");
  }

  @Test
  void parenthesizesCompoundFractionsAndRoots() throws Exception {
    assertThat(render("<m:mfrac><m:mrow><m:mi>a</m:mi><m:mo>+</m:mo><m:mi>b</m:mi></m:mrow><m:mn>2</m:mn></m:mfrac>")).isEqualTo("(a + b) / 2");
    assertThat(render("<m:msqrt><m:mn>2</m:mn><m:mi>g</m:mi><m:mi>h</m:mi></m:msqrt>")).isEqualTo("√(2gh)");
  }
}
