package org.vividly.common;

import org.springframework.http.HttpStatus;

/** A requested resource does not exist in the caller's organization. */
public class NotFound extends VividlyException {

  public NotFound(String what, Object id) {
    super(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist in this organization");
  }
}
