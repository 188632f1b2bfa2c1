package org.vividly.pages;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What every answer and page must satisfy under the Content-Security-Policy: the security headers,
 * and markup with no inline script, event-handler attribute, {@code javascript:} address or inline
 * style (the policy refuses all four, so a page that has one is broken in the browser too).
 */
final class PageChecks {

  /** Attributes that hold an address a browser would follow or load. */
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "poster");

  private PageChecks() {}

  static void headers(SoftAssertions softly, String what, HttpResponse<?> answer) {
    var headers = answer.headers();
    String policy = headers.firstValue("Content-Security-Policy").orElse("");
    softly.assertThat(policy).as(what + ": Content-Security-Policy").isNotEmpty();
    Map<String, List<String>> directives = directives(policy);
    List<String> scripts = directives.getOrDefault("script-src", directives.getOrDefault("default-src", List.of("*")));
    softly.assertThat(scripts).as(what + ": script sources").isNotEmpty().doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:");
    softly.assertThat(directives.get("object-src")).as(what + ": object-src").containsExactly("'none'");
    softly.assertThat(directives.get("frame-ancestors")).as(what + ": frame-ancestors").containsExactly("'none'");
    softly.assertThat(directives.get("base-uri")).as(what + ": base-uri").containsExactly("'self'");
    softly.assertThat(directives.get("form-action")).as(what + ": form-action").containsExactly("'self'");
    softly.assertThat(headers.firstValue("Referrer-Policy")).as(what + ": Referrer-Policy").hasValue("same-origin");
    softly.assertThat(headers.firstValue("X-Content-Type-Options")).as(what + ": X-Content-Type-Options").hasValue("nosniff");
    softly.assertThat(headers.firstValue("X-Frame-Options")).as(what + ": X-Frame-Options").hasValue("DENY");
    softly.assertThat(headers.firstValue("Permissions-Policy").orElse("")).as(what + ": Permissions-Policy").contains("camera=()", "microphone=()", "geolocation=()");
  }

  static void markup(SoftAssertions softly, String what, String html) {
    Document page = Jsoup.parse(html);
    for (Element script : page.select("script")) {
      if (script.attr("type").equalsIgnoreCase("application/json")) {
        softly.assertThat(script.data()).as(what + ": a JSON data block holds markup characters").doesNotContain("<", ">");
      } else {
        softly.assertThat(script.hasAttr("src")).as(what + ": inline script " + abbreviate(script.outerHtml())).isTrue();
      }
    }
    softly.assertThat(page.select("style").size()).as(what + ": inline <style> elements").isZero();
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        softly.assertThat(name).as(what + ": event-handler attribute on " + abbreviate(element.outerHtml())).doesNotStartWith("on");
        softly.assertThat(name).as(what + ": style attribute on " + abbreviate(element.outerHtml())).isNotEqualTo("style");
        if (URL_ATTRIBUTES.contains(name)) {
          softly.assertThat(attribute.getValue().strip().toLowerCase(Locale.ROOT)).as(what + ": javascript: address on " + abbreviate(element.outerHtml())).doesNotStartWith("javascript:");
        }
      }
    }
  }

  /**
   * Engineering numbers in a page's visible text that students and teachers should not see:
   * timings ("52 ms"), similarity scores, passage ids, token counts, CPU seconds and cost.
   */
  static List<String> telemetry(String text) {
    List<String> found = new java.util.ArrayList<>();
    var m = TELEMETRY.matcher(text);
    while (m.find()) found.add(m.group());
    return found;
  }

  private static final java.util.regex.Pattern TELEMETRY = java.util.regex.Pattern.compile("(?i)\\b\\d+(\\.\\d+)? ?ms\\b|similarity|passage \\d+|\\d+ tokens|cpu s\\b|composed by|\\busd\\b");

  /** A policy's directives by name, each with its sources. */
  static Map<String, List<String>> directives(String policy) {
    Map<String, List<String>> directives = new LinkedHashMap<>();
    for (String directive : policy.split(";")) {
      List<String> parts = Arrays.asList(directive.strip().split("\\s+"));
      if (!parts.getFirst().isEmpty()) directives.put(parts.getFirst().toLowerCase(Locale.ROOT), parts.subList(1, parts.size()));
    }
    return directives;
  }

  /** A Set-Cookie header's attributes after the name and value, lower case: {@code httponly}, {@code samesite=lax}. */
  static List<String> cookieAttributes(String setCookie) {
    return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
  }

  private static String abbreviate(String html) {
    return html.length() > 160 ? html.substring(0, 160) + "…" : html;
  }
}
