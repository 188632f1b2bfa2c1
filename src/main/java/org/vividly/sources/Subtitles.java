package org.vividly.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Reads WebVTT (W3C WebVTT, https://www.w3.org/TR/webvtt1/) and SubRip (SRT) files into cues.
 *
 * <p>Markup is removed (class, italic, bold, underline, ruby, karaoke timestamps, SRT {@code {\an8}}
 * position codes) and character references decoded; a WebVTT voice tag {@code <v Name>} becomes
 * the cue's speaker. NOTE, STYLE and REGION blocks are skipped.
 *
 * <p>Stricter than a player: a transcript that feeds citations must have one timeline. A file is
 * refused, with every problem's line number (up to {@value #MAX_PROBLEMS}), when it has no cues, a
 * malformed timing line, a cue that ends before it starts, or a cue that starts more than
 * {@value #OVERLAP_TOLERANCE_SECONDS} s before the previous one ends (rolling or duplicated
 * captions).
 */
public final class Subtitles {

  static final int MAX_PROBLEMS = 5;
  static final double OVERLAP_TOLERANCE_SECONDS = 0.5;

  private static final String TIME = "(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})[.,](\\d{1,3})";
  private static final Pattern TIMING = Pattern.compile("^\\s*" + TIME + "\\s*-->\\s*" + TIME + "(?:\\s+.*)?$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>|<\\d[\\d:.]*>|\\{\\\\[^}]*}");
  /** A line meant as a timing line even when its arrow or format is wrong. */
  private static final Pattern LOOKS_TIMED = Pattern.compile("^\\s*\\d{1,3}:\\d{2}");
  private static final Pattern LABEL = Pattern.compile("^(?:>>\\s*)?([A-Z][A-Z .'-]{1,40}):\\s");

  private Subtitles() {}

  /** A title from a transcript's file name: {@code lecture-5-hydrogen-atom.vtt} becomes {@code Lecture 5 hydrogen atom}. */
  public static String titleOf(String fileName) {
    String base = fileName.replaceFirst("\\.[^.]+$", "").replaceAll("[-_]+", " ").strip();
    return base.isEmpty() ? "Untitled lecture" : Character.toUpperCase(base.charAt(0)) + base.substring(1);
  }

  /** Whether a file name looks like a subtitle or transcript file this class reads. */
  public static boolean isSubtitleFile(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".vtt") || n.endsWith(".srt");
  }

  /**
   * @param content the file's text (UTF-8, a leading byte order mark is ignored)
   * @param fileName for error messages
   * @return the cues in time order, numbered from 1
   * @throws InvalidSubtitles when the file has no cues or any malformed, reversed or overlapping cue
   */
  public static List<Cue> parse(String content, String fileName) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> problems = new ArrayList<>();
    List<Cue> cues = new ArrayList<>();
    boolean vtt = lines.length > 0 && lines[0].startsWith("WEBVTT");
    int i = vtt ? skipBlock(lines, 0) : 0;
    double previousEnd = -1;
    while (i < lines.length) {
      if (lines[i].isBlank()) {
        i++;
        continue;
      }
      int blockStart = i;
      String first = lines[i].strip();
      if (vtt && (first.startsWith("NOTE") || first.equals("STYLE") || first.startsWith("REGION"))) {
        i = skipBlock(lines, i);
        continue;
      }
      // An optional cue identifier (always present in SRT) precedes the timing line.
      int timingLine = lines[i].contains("-->") || LOOKS_TIMED.matcher(lines[i]).find() ? i : i + 1;
      if (timingLine >= lines.length || !(lines[timingLine].contains("-->") || LOOKS_TIMED.matcher(lines[timingLine]).find())) {
        problem(problems, "line " + (blockStart + 1) + ": expected a timing line such as 00:01:02.500 --> 00:01:05.000, found \"" + abbreviate(first) + "\"");
        i = skipBlock(lines, i);
        continue;
      }
      Matcher m = TIMING.matcher(lines[timingLine]);
      i = skipBlock(lines, timingLine);
      if (!m.matches()) {
        problem(problems, "line " + (timingLine + 1) + ": malformed timing \"" + abbreviate(lines[timingLine].strip()) + "\"");
        continue;
      }
      double start = seconds(m, 1);
      double end = seconds(m, 5);
      if (end < start) {
        problem(problems, "line " + (timingLine + 1) + ": the cue ends (" + clock(end) + ") before it starts (" + clock(start) + ")");
        continue;
      }
      if (start < previousEnd - OVERLAP_TOLERANCE_SECONDS) {
        problem(problems, "line " + (timingLine + 1) + ": the cue starts at " + clock(start) + ", before the previous cue ends at " + clock(previousEnd) + " (overlapping cues)");
        continue;
      }
      previousEnd = Math.max(previousEnd, end);
      StringBuilder payload = new StringBuilder();
      for (int p = timingLine + 1; p < i; p++) payload.append(p > timingLine + 1 ? " " : "").append(lines[p].strip());
      String raw = payload.toString();
      String speaker = null;
      Matcher voice = VOICE.matcher(raw);
      if (voice.find()) speaker = voice.group(1).strip();
      String clean = Parser.unescapeEntities(TAG.matcher(raw).replaceAll(""), false).replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
      if (speaker == null) {
        Matcher label = LABEL.matcher(clean);
        if (label.find()) speaker = label.group(1).strip();
      } else {
        clean = speaker + ": " + clean;
      }
      if (!clean.isEmpty()) cues.add(new Cue(cues.size() + 1, start, end, speaker, clean));
    }
    if (problems.isEmpty() && cues.isEmpty()) problems.add("no cues with text were found (a WebVTT file starts with WEBVTT; an SRT cue is a number, a timing line such as 00:00:01,000 --> 00:00:04,000, and text)");
    if (!problems.isEmpty()) throw new InvalidSubtitles(fileName, problems);
    return List.copyOf(cues);
  }

  /** Index of the line after the block that starts at {@code i} (blocks end at a blank line). */
  private static int skipBlock(String[] lines, int i) {
    while (i < lines.length && !lines[i].isBlank()) i++;
    return i;
  }

  private static void problem(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) problems.add(problem);
  }

  private static double seconds(Matcher m, int group) {
    int hours = m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    int minutes = Integer.parseInt(m.group(group + 1));
    int secs = Integer.parseInt(m.group(group + 2));
    String fraction = m.group(group + 3);
    double frac = Integer.parseInt(fraction) / Math.pow(10, fraction.length());
    return hours * 3600 + minutes * 60 + secs + frac;
  }

  private static String clock(double seconds) {
    long ms = Math.round(seconds * 1000);
    return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
