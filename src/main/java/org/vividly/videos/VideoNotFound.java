package org.vividly.videos;

import java.util.UUID;
import org.vividly.common.NotFound;

public class VideoNotFound extends NotFound {
  public VideoNotFound(UUID id) {
    super("Video", id);
  }
}
