package org.vividly.sources;

import java.util.List;
import java.util.Map;
import org.vividly.common.InvalidRequest;

/**
 * A subtitle or transcript file that cannot be used: no cues, a malformed timing line, a cue that
 * ends before it starts, or cues that overlap. Answered as 400 Problem Details with a
 * {@code problems} member listing the first problems found, each with its line number.
 */
public class InvalidSubtitles extends InvalidRequest {

  private final List<String> problems;

  public InvalidSubtitles(String fileName, List<String> problems) {
    super(fileName + " is not a usable subtitle file: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("problems", problems);
  }
}
