package org.vividly.media;

import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/**
 * A media engine could not do its work. {@link #retriable()} tells a crashed or timed-out engine
 * (try again) from bad input or a missing engine (trying again cannot help).
 */
public class MediaFailed extends VividlyException {

  private final boolean retriable;

  public MediaFailed(String message, boolean retriable) {
    this(message, retriable, null);
  }

  public MediaFailed(String message, boolean retriable, Throwable cause) {
    super(retriable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_CONTENT, retriable ? "media-engine-failed" : "media-input-rejected", message, cause);
    this.retriable = retriable;
  }

  @Override
  public boolean retriable() {
    return retriable;
  }
}
