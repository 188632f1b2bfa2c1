package org.vividly.requests.web;

import java.util.List;
import java.util.Map;
import org.vividly.requests.ContentRequest;

/**
 * A request's stages as a student reads them: what is happening in plain words and about how long
 * is left, instead of the stage table with CPU seconds and cost (which admins and the API keep).
 * The estimates are typical wall times of each stage for a one-minute lesson on a two-core server
 * (narration and encoding figures in shared/ENVIRONMENT.md), rounded up: a guide, not a promise.
 */
public final class RequestSteps {

  /**
   * @param status {@code done}, {@code now}, {@code next}, {@code failed} or {@code skipped}
   * @param seconds the estimate for this step
   */
  public record Step(String key, String label, String status, int seconds) {}

  private record Plain(String label, int seconds) {}

  private static final Map<String, Plain> PLAIN = Map.of(
      "received", new Plain("Reading your question", 1),
      "retrieval", new Plain("Finding the pages of your library that answer it", 2),
      "script", new Plain("Writing your lesson", 3),
      "audio_synthesis", new Plain("Recording the narration", 10),
      "slide_rendering", new Plain("Drawing the slides", 5),
      "video_rendering", new Plain("Making the video", 15),
      "format_conversion", new Plain("Getting the video ready for every device", 15));

  private RequestSteps() {}

  static List<Step> of(ContentRequest request) {
    return request.stages().stream().map(s -> {
      Plain plain = PLAIN.getOrDefault(s.stage(), new Plain(s.label(), 5));
      return new Step(s.stage(), plain.label(), status(s.status()), plain.seconds());
    }).toList();
  }

  /** "About 30 seconds left", from the steps still to run; null when nothing is left. */
  static String left(List<Step> steps) {
    int seconds = steps.stream().filter(s -> s.status().equals("now") || s.status().equals("next")).mapToInt(Step::seconds).sum();
    if (seconds == 0) return null;
    if (seconds < 10) return "Almost done";
    if (seconds < 60) return "About " + (seconds + 4) / 5 * 5 + " seconds left";
    int minutes = (seconds + 30) / 60;
    return "About " + (minutes == 1 ? "a minute" : minutes + " minutes") + " left";
  }

  private static String status(String stage) {
    return switch (stage) {
      case "completed" -> "done";
      case "running" -> "now";
      case "failed" -> "failed";
      case "skipped" -> "skipped";
      default -> "next";
    };
  }
}
