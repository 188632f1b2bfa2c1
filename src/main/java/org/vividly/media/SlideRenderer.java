package org.vividly.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws slides with Java2D in one theme: light background, dark text, a blue accent. Sizes are set
 * for 1280x720 and scaled for other widths, so text stays readable at 720p (body 30 px, never below
 * 20 px for the footer). Long text wraps at word boundaries and is cut with an ellipsis rather than
 * overflowing.
 */
public final class SlideRenderer {

  private static final Color BACKGROUND = new Color(0xFA, 0xFA, 0xF7);
  private static final Color INK = new Color(0x1D, 0x24, 0x33);
  private static final Color MUTED = new Color(0x55, 0x5F, 0x70);
  private static final Color ACCENT = new Color(0x25, 0x63, 0xEB);
  private static final Color BOX = new Color(0xE8, 0xEF, 0xFD);
  private static final String FONT = Font.SANS_SERIF;

  /** Renders the slide to a PNG file of {@code width} x {@code width * 9 / 16} pixels. */
  public void render(Slide slide, int width, Path png) {
    try {
      ImageIO.write(draw(slide, width), "png", png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write slide " + png, e);
    }
  }

  public BufferedImage draw(Slide slide, int width) {
    int height = width * 9 / 16;
    double u = width / 1280.0;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, width, height);
      g.setColor(ACCENT);
      g.fillRect(0, 0, (int) (14 * u), height);
      int left = (int) (80 * u);
      int right = width - (int) (80 * u);
      int y = slide.kind() == Slide.Kind.TITLE ? (int) (230 * u) : (int) (90 * u);
      if (slide.label() != null) {
        g.setFont(new Font(FONT, Font.BOLD, (int) (22 * u)));
        g.setColor(ACCENT);
        g.drawString(slide.label().toUpperCase(java.util.Locale.ROOT), left, y);
        y += (int) (20 * u);
      }
      int headingSize = slide.kind() == Slide.Kind.TITLE ? 58 : 44;
      y = paragraph(g, slide.heading(), new Font(FONT, Font.BOLD, (int) (headingSize * u)), INK, left, right, y + (int) (headingSize * u), 2);
      if (slide.subheading() != null && !slide.subheading().isBlank()) {
        y = paragraph(g, slide.subheading(), new Font(FONT, Font.PLAIN, (int) (30 * u)), MUTED, left, right, y + (int) (46 * u), 3);
      }
      y += (int) (30 * u);
      Font body = new Font(FONT, Font.PLAIN, (int) (30 * u));
      int bottom = height - (int) (90 * u);
      for (String point : slide.points().stream().limit(4).toList()) {
        if (y + 40 * u > bottom) break;
        g.setColor(ACCENT);
        int dot = (int) (12 * u);
        g.fillOval(left, y + (int) (18 * u), dot, dot);
        int linesLeft = Math.max(1, (int) ((bottom - y) / (40 * u)));
        y = paragraph(g, point, body, INK, left + (int) (32 * u), right, y + (int) (30 * u), Math.min(3, linesLeft)) + (int) (22 * u);
      }
      if (slide.formula() != null && !slide.formula().isBlank() && y + 80 * u < bottom) {
        Font mono = new Font(Font.MONOSPACED, Font.BOLD, (int) (30 * u));
        List<String> lines = lines(g.getFontMetrics(mono), slide.formula(), right - left - (int) (60 * u), 3);
        int boxHeight = (int) ((lines.size() * 40 + 36) * u);
        g.setColor(BOX);
        g.fill(new RoundRectangle2D.Double(left, y, right - left, boxHeight, 24 * u, 24 * u));
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke((float) (2 * u)));
        g.draw(new RoundRectangle2D.Double(left, y, right - left, boxHeight, 24 * u, 24 * u));
        g.setFont(mono);
        g.setColor(INK);
        int ly = y + (int) (48 * u);
        for (String line : lines) {
          g.drawString(line, left + (int) (30 * u), ly);
          ly += (int) (40 * u);
        }
      }
      if (slide.footer() != null && !slide.footer().isBlank()) {
        g.setColor(new Color(0xDD, 0xE1, 0xE8));
        g.fillRect(left, height - (int) (64 * u), right - left, Math.max(1, (int) (2 * u)));
        paragraph(g, slide.footer(), new Font(FONT, Font.PLAIN, Math.max(20, (int) (20 * u))), MUTED, left, right, height - (int) (30 * u), 1);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Draws wrapped text from baseline {@code y}; returns the baseline of the last line drawn. */
  private static int paragraph(Graphics2D g, String text, Font font, Color color, int left, int right, int y, int maxLines) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics fm = g.getFontMetrics();
    int lineHeight = (int) (fm.getHeight() * 1.1);
    int baseline = y;
    List<String> lines = lines(fm, text, right - left, maxLines);
    for (int i = 0; i < lines.size(); i++) {
      baseline = y + i * lineHeight;
      g.drawString(lines.get(i), left, baseline);
    }
    return baseline;
  }

  static List<String> lines(FontMetrics fm, String text, int width, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    String[] words = text.strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
      if (fm.stringWidth(candidate) <= width || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (lines.size() == maxLines - 1) {
        lines.add(ellipsize(fm, line + " " + words[i], width));
        return lines;
      }
      lines.add(line.toString());
      line.setLength(0);
      line.append(words[i]);
    }
    if (!line.isEmpty()) lines.add(fm.stringWidth(line.toString()) <= width ? line.toString() : ellipsize(fm, line.toString(), width));
    return lines;
  }

  private static String ellipsize(FontMetrics fm, String text, int width) {
    String s = text;
    while (!s.isEmpty() && fm.stringWidth(s + "…") > width) s = s.substring(0, s.length() - 1);
    return s.stripTrailing() + "…";
  }
}
