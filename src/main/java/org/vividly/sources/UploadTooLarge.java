package org.vividly.sources;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/**
 * An upload unpacked to more than the server takes: over {@code vividly.sources.max-upload-size}
 * in all, or over {@code vividly.sources.max-compression-ratio} times what was sent (a ZIP bomb).
 * Unpacking stops at once and everything written for the upload is deleted. Answered as 413
 * Problem Details with a {@code setting} member naming the property that set the limit.
 */
public class UploadTooLarge extends VividlyException {

  private final String setting;

  /**
   * @param detail what was exceeded, for the person who uploaded
   * @param setting the property holding the limit, for example {@code vividly.sources.max-upload-size}
   */
  public UploadTooLarge(String detail, String setting) {
    super(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", detail);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("setting", setting);
  }
}
