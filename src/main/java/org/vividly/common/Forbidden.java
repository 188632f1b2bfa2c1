package org.vividly.common;

import org.springframework.http.HttpStatus;

/** The caller is signed in but their role does not allow this. */
public class Forbidden extends VividlyException {

  public Forbidden(String message) {
    super(HttpStatus.FORBIDDEN, "forbidden", message);
  }
}
