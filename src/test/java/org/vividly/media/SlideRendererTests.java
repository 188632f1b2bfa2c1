package org.vividly.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlideRendererTests {

  private final SlideRenderer renderer = new SlideRenderer();

  @Test
  void drawsAt720pAnd1080p() {
    Slide slide = new Slide(Slide.Kind.POINTS, "Speed", null, List.of("Speed is distance over time."), "v = d / t", "[1] Physics > Motion", "Key idea");
    BufferedImage hd = renderer.draw(slide, 1280);
    BufferedImage fullHd = renderer.draw(slide, 1920);
    assertThat(hd.getWidth()).isEqualTo(1280);
    assertThat(hd.getHeight()).isEqualTo(720);
    assertThat(fullHd.getHeight()).isEqualTo(1080);
    assertThat(inkRows(hd, 0, 720)).isGreaterThan(100);
  }

  @Test
  void longTextStaysAboveTheFooterInsteadOfOverflowing() {
    String long_ = "word ".repeat(400).strip();
    Slide slide = new Slide(Slide.Kind.POINTS, long_, long_, List.of(long_, long_, long_, long_, long_), long_, "[1] Source", "Key idea");
    BufferedImage image = renderer.draw(slide, 1280);
    // Between the last body line and the footer rule (y = 656) the slide stays empty.
    assertThat(inkRows(image, 640, 654)).isZero();
  }

  /** Rows in [from, to) with dark text pixels right of the accent bar. */
  private static int inkRows(BufferedImage image, int from, int to) {
    int rows = 0;
    for (int y = from; y < to; y++) {
      for (int x = 40; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        if (r + g + b < 300) {
          rows++;
          break;
        }
      }
    }
    return rows;
  }
}
