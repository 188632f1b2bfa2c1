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

  /**
   * A file operation that failed: a full disk ("No space left on device") is final, since a retry
   * would fill it again; other I/O errors may pass.
   *
   * @param what what was being done, for example "Could not write the thumbnail"
   */
  public static MediaFailed of(String what, java.io.IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("No space left")) return new MediaFailed("The disk is full: " + what.toLowerCase(java.util.Locale.ROOT) + ".", false, e);
    return new MediaFailed(what + ": " + message, true, e);
  }

  @Override
  public boolean retriable() {
    return retriable;
  }
}
