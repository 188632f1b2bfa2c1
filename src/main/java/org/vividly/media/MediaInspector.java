package org.vividly.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.vividly.media.Processes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a media file's container, duration, streams and title with ffprobe. */
@Component
public class MediaInspector {

  private final JsonMapper json;

  MediaInspector(JsonMapper json) {
    this.json = json;
  }

  /**
   * @throws MediaFailed not retriable when the file is not media ffprobe can read (corrupt,
   *     truncated or another kind of file), or when ffprobe is not installed
   */
  public MediaInfo probe(Path file) {
    Processes.Result result;
    try {
      result = Processes.run(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()), null, Duration.ofMinutes(1), null);
    } catch (MediaFailed e) {
      if (e.getMessage().contains("not installed")) throw e;
      throw new MediaFailed("The file is not a media file that can be read (corrupt, truncated or of another kind): " + e.getMessage().replace(file.toString(), file.getFileName().toString()), false);
    }
    JsonNode root = json.readTree(result.stdout());
    JsonNode format = root.path("format");
    boolean audio = false;
    boolean video = false;
    double streamDuration = 0;
    for (JsonNode stream : root.path("streams")) {
      String type = stream.path("codec_type").asString("");
      boolean coverArt = stream.path("disposition").path("attached_pic").asInt(0) == 1;
      if (type.equals("audio")) audio = true;
      if (type.equals("video") && !coverArt) video = true;
      streamDuration = Math.max(streamDuration, parse(stream.path("duration").asString("")));
    }
    double duration = parse(format.path("duration").asString(""));
    if (!(duration > 0)) duration = streamDuration;
    if (!audio && !video) throw new MediaFailed("The file has neither an audio nor a video stream.", false);
    String title = format.path("tags").path("title").asString(null);
    if (title == null) title = format.path("tags").path("TITLE").asString(null);
    return new MediaInfo(format.path("format_name").asString(""), duration, audio, video, title == null || title.isBlank() ? null : title.strip());
  }

  private static double parse(String value) {
    try {
      return value.isBlank() ? 0 : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
