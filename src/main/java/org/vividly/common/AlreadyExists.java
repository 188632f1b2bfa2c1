package org.vividly.common;

import org.springframework.http.HttpStatus;

/** Something with the same unique key (an email, a slug) already exists. */
public class AlreadyExists extends VividlyException {

  public AlreadyExists(String message) {
    super(HttpStatus.CONFLICT, "already-exists", message);
  }
}
