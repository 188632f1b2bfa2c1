package org.vividly.jobs;

import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/** Work that ends its job with a reason a user can act on. */
public class JobFailed extends VividlyException {

  public JobFailed(String message) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "job-failed", message);
  }
}
