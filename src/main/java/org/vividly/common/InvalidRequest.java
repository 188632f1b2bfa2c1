package org.vividly.common;

import org.springframework.http.HttpStatus;

/** A request whose content is wrong in a way the caller can fix. */
public class InvalidRequest extends VividlyException {

  public InvalidRequest(String message) {
    super(HttpStatus.BAD_REQUEST, "invalid-request", message);
  }
}
