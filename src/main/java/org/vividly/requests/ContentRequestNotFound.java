package org.vividly.requests;

import java.util.UUID;
import org.vividly.common.NotFound;

public class ContentRequestNotFound extends NotFound {
  public ContentRequestNotFound(UUID id) {
    super("Content request", id);
  }
}
