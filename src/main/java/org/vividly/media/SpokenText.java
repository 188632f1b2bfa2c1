package org.vividly.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes written text speakable before it goes to a speech engine: units after numbers are spelled
 * out ({@code 9.8 m/s²} becomes "9.8 meters per second squared"), symbols become words
 * ({@code Δd = v × t}: "change in d equals v times t"), powers of ten are read as powers,
 * abbreviations are expanded and citation markers such as {@code [2]} are dropped. Engines speak
 * numbers themselves. English and Spanish have their own word lists; other languages get the
 * English symbol names removed rather than mispronounced.
 */
public final class SpokenText {

  private record Rule(Pattern pattern, String en, String es) {}

  private static final String NUMBER_END = "(?<=\\d)\\s*";
  private static final String UNIT_END = "(?![\\p{L}\\d])";

  /** Units, longest first, only right after a number so that a lone "m" or "s" stays a letter. */
  private static final List<Rule> UNITS = List.of(
      unit("m/s²|m/s\\^2|m/s2", "meters per second squared", "metros por segundo al cuadrado"),
      unit("km/h", "kilometers per hour", "kilómetros por hora"),
      unit("m/s", "meters per second", "metros por segundo"),
      unit("km", "kilometers", "kilómetros"),
      unit("cm", "centimeters", "centímetros"),
      unit("mm", "millimeters", "milímetros"),
      unit("nm", "nanometers", "nanómetros"),
      unit("kg", "kilograms", "kilogramos"),
      unit("mg", "milligrams", "miligramos"),
      unit("g", "grams", "gramos"),
      unit("mL|ml", "milliliters", "mililitros"),
      unit("L", "liters", "litros"),
      unit("mol", "moles", "moles"),
      unit("°C", "degrees Celsius", "grados Celsius"),
      unit("°F", "degrees Fahrenheit", "grados Fahrenheit"),
      unit("K", "kelvin", "kelvin"),
      unit("kJ", "kilojoules", "kilojulios"),
      unit("J", "joules", "julios"),
      unit("kW", "kilowatts", "kilovatios"),
      unit("W", "watts", "vatios"),
      unit("N", "newtons", "newtons"),
      unit("Pa", "pascals", "pascales"),
      unit("Hz", "hertz", "hercios"),
      unit("V", "volts", "voltios"),
      unit("Ω", "ohms", "ohmios"),
      unit("h", "hours", "horas"),
      unit("min", "minutes", "minutos"),
      unit("ms", "milliseconds", "milisegundos"),
      unit("s", "seconds", "segundos"),
      unit("m", "meters", "metros"),
      unit("%", "percent", "por ciento"));

  private static final List<Rule> SYMBOLS = List.of(
      rule("\\[\\d+(?:\\s*,\\s*\\d+)*\\]", "", ""),
      rule("\\band/or\\b", "and or", "y o"),
      rule("\\be\\.g\\.", "for example", "por ejemplo"),
      rule("\\bi\\.e\\.", "that is", "es decir"),
      rule("\\betc\\.", "et cetera", "etcétera"),
      rule("\\bvs\\.", "versus", "contra"),
      rule("\\bapprox\\.", "approximately", "aproximadamente"),
      rule("\\bFig\\.", "Figure", "Figura"),
      rule("(?<=\\d)\\s*[×x]\\s*10\\^?([−-]?\\d+)", " times ten to the power of $1", " por diez elevado a $1"),
      rule("\\^\\s*\\(?([−-]?\\d+)\\)?", " to the power of $1", " elevado a $1"),
      rule("²", " squared", " al cuadrado"),
      rule("³", " cubed", " al cubo"),
      rule("_\\((\\w+)\\)|_(\\w)", " sub $1$2", " sub $1$2"),
      rule("Δ", " change in ", " cambio de "),
      rule("√", " square root of ", " raíz cuadrada de "),
      rule("π", " pi ", " pi "),
      rule("≈", " is approximately ", " es aproximadamente "),
      rule("≤", " is less than or equal to ", " es menor o igual que "),
      rule("≥", " is greater than or equal to ", " es mayor o igual que "),
      rule("≠", " is not equal to ", " no es igual a "),
      rule("±", " plus or minus ", " más o menos "),
      rule("→", " gives ", " da "),
      rule("\\s=\\s|=", " equals ", " es igual a "),
      rule("\\s<\\s", " is less than ", " es menor que "),
      rule("\\s>\\s", " is greater than ", " es mayor que "),
      rule("\\s\\+\\s", " plus ", " más "),
      rule("\\s[−-]\\s|−", " minus ", " menos "),
      rule("\\s?[×·]\\s?|(?<=\\d)\\s\\*\\s(?=\\d)", " times ", " por "),
      rule("÷|(?<=[\\w)])\\s*/\\s*(?=[\\w(])", " divided by ", " dividido por "),
      rule("&", " and ", " y "),
      rule("[*#_~`|{}]", " ", " "));

  private static final Map<Character, Character> SUPERSCRIPT_DIGITS = Map.of('⁰', '0', '¹', '1', '⁴', '4', '⁵', '5', '⁶', '6', '⁷', '7', '⁸', '8', '⁹', '9', '⁻', '-');

  private SpokenText() {}

  /**
   * @param language ISO 639-1 code; {@code es} uses Spanish words, anything else English
   * @return the speakable text, whitespace collapsed; empty when nothing speakable is left
   */
  public static String of(String text, String language) {
    if (text == null) return "";
    boolean es = "es".equals(language);
    String s = superscriptPowers(text);
    for (Rule r : UNITS) s = replace(r, s, es);
    for (Rule r : SYMBOLS) s = replace(r, s, es);
    return s.replaceAll("\\s+([,.;:!?])", "$1").replaceAll("\\s+", " ").strip();
  }

  /** Whether the text has anything a voice could say: at least one letter or digit. */
  public static boolean speakable(String text) {
    return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static String superscriptPowers(String text) {
    StringBuilder out = new StringBuilder(text.length());
    List<Character> run = new ArrayList<>();
    for (char c : (text + " ").toCharArray()) {
      Character digit = SUPERSCRIPT_DIGITS.get(c);
      if (digit != null || (!run.isEmpty() && (c == '²' || c == '³'))) {
        run.add(digit != null ? digit : c == '²' ? '2' : '3');
        continue;
      }
      if (!run.isEmpty()) {
        out.append('^');
        run.forEach(out::append);
        run.clear();
      }
      out.append(c);
    }
    return out.substring(0, out.length() - 1);
  }

  private static String replace(Rule rule, String s, boolean es) {
    Matcher m = rule.pattern().matcher(s);
    if (!m.find()) return s;
    String replacement = es ? rule.es() : rule.en();
    StringBuilder out = new StringBuilder();
    do {
      String r = replacement;
      for (int g = m.groupCount(); g >= 1; g--) r = r.replace("$" + g, m.group(g) == null ? "" : m.group(g).replace('−', '-'));
      m.appendReplacement(out, Matcher.quoteReplacement(r));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  private static Rule unit(String symbols, String en, String es) {
    // A one-letter unit needs a space after its number: "1990s" is a decade, "5 s" is seconds.
    String gap = symbols.matches("\\p{L}") ? "(?<=\\d)\\s+" : NUMBER_END;
    return new Rule(Pattern.compile(gap + "(?:" + symbols + ")" + UNIT_END), " " + en, " " + es);
  }

  private static Rule rule(String regex, String en, String es) {
    return new Rule(Pattern.compile(regex), en, es);
  }
}
